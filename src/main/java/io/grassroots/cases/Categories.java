package io.grassroots.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RefreshedSetting;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The category standards as versioned data: read by intake, dispatch and the time-limit table, and loaded by
 * administrators (a new standard beside the others, or a new edition of one). The standards' read and the import
 * open their transaction through a {@link TransactionTemplate}, not {@code @Transactional}, so that the bean is no
 * proxy and the look-ups of every transition are plain calls (bench/RESULTS.md, lifecycle, 2026-12-04 night).
 */
@Service
public class Categories {

	static final Pattern STANDARD = Pattern.compile("[A-Za-z0-9./_\\-]{1,40}");

	private final CategoryStore store;

	private final AuditTrail audit;

	private final Clock clock;

	private final RefreshedSetting<Map<CategoryKey, Category>> cache;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	Categories(CategoryStore store, AuditTrail audit, Clock clock, CasesProperties properties,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.transactions = new TransactionTemplate(transactions);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.audit = audit;
		this.clock = clock;
		this.cache = new RefreshedSetting<>(properties.settingsRefresh(), () -> {
			var map = new java.util.LinkedHashMap<CategoryKey, Category>();
			store.all().forEach(c -> map.put(c.key(), c));
			return java.util.Collections.unmodifiableMap(map);
		});
	}

	public List<CategoryStandard> standards() {
		return reads.execute(status -> store.standards());
	}

	public Optional<Category> find(CategoryKey key) {
		return key == null ? Optional.empty() : Optional.ofNullable(cached().get(key));
	}

	/** Every category of a standard, in code order (parents before their children). */
	public List<Category> of(String standard) {
		return cached().values().stream().filter(c -> c.key().standard().equals(standard)).toList();
	}

	/** The department kind a category suggests: its own, or the nearest ancestor's. */
	public Optional<DepartmentKind> departmentKind(CategoryKey key) {
		for (var current = find(key); current.isPresent(); current = parent(current.get())) {
			if (current.get().departmentKind() != null) {
				return Optional.of(current.get().departmentKind());
			}
		}
		return Optional.empty();
	}

	/** The name with its ancestors, e.g. 事件 › 市容环境 › 私搭乱建. */
	public String path(CategoryKey key) {
		var names = new ArrayList<String>();
		for (var current = find(key); current.isPresent(); current = parent(current.get())) {
			names.add(0, current.get().name());
		}
		return String.join(" › ", names);
	}

	/**
	 * Loads a standard from a category file. Every row is checked first; with any problem nothing is written.
	 * Categories the file no longer lists are kept but marked inactive, because cases point at them.
	 */
	public ImportReport importStandard(Actor actor, String standard, String title, String source, byte[] content) {
		return transactions.execute(status -> importInTransaction(actor, standard, title, source, content));
	}

	private ImportReport importInTransaction(Actor actor, String standard, String title, String source,
			byte[] content) {
		if (!actor.isSystem() && !actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
		if (standard == null || !STANDARD.matcher(standard).matches() || title == null || title.isBlank()
				|| title.length() > 200) {
			return ImportReport.refused(List.of(Problem.of(source, 0, "standard", "cases.category.import.badStandard")));
		}
		var checked = CategoryImport.check(standard, source, content);
		if (!checked.problems().isEmpty()) {
			return ImportReport.refused(checked.problems());
		}
		var report = apply(standard, title.strip(), checked.categories());
		audit.record(new AuditRecord("categories/" + standard, "categories.imported", actor.id().toString(),
				actor.displayName(), Map.of("title", title.strip(), "added", report.added(), "changed", report.changed())));
		cache.forget();
		return report;
	}

	private ImportReport apply(String standard, String title, List<Category> categories) {
		store.saveStandard(standard, title, clock.instant());
		var before = CategoryImport.byCode(of(standard));
		int added = 0, changed = 0, unchanged = 0;
		for (var category : categories) {
			var old = before.remove(category.key().code());
			if (old == null) {
				store.insert(category);
				added++;
			}
			else if (!old.equals(category)) {
				store.update(category);
				changed++;
			}
			else {
				unchanged++;
			}
		}
		for (var gone : before.values()) {
			if (gone.active()) {
				store.update(new Category(gone.key(), gone.parent(), gone.depth(), gone.name(), gone.departmentKind(), false));
				changed++;
			}
		}
		return new ImportReport(added, changed, unchanged, List.of(), true);
	}

	private Optional<Category> parent(Category category) {
		return category.parent() == null ? Optional.empty()
				: find(new CategoryKey(category.key().standard(), category.parent()));
	}

	private Map<CategoryKey, Category> cached() {
		return cache.get();
	}

}
