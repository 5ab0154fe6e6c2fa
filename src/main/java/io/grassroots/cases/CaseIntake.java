package io.grassroots.cases;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.region.DepartmentView;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.PersonalData;
import io.grassroots.shared.RegionCode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a checked report into a new case: places it, suggests the department its category calls for, looks for a
 * likely duplicate, starts the dispatch clock, keeps the photos and writes the first history entry.
 */
@Component
class CaseIntake {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private final CaseRepository cases;

	private final CasePlacement placement;

	private final Categories categories;

	private final DepartmentDirectory departments;

	private final DuplicateFinder duplicates;

	private final CaseClocks clocks;

	private final AttachmentStore attachments;

	private final CaseHistory history;

	private final PersonalData personalData;

	private final CasesProperties properties;

	private final CaseTime time;

	private final TransactionTemplate transactions;

	private final SecureRandom random = new SecureRandom();

	CaseIntake(CaseRepository cases, CasePlacement placement, Categories categories, DepartmentDirectory departments,
			DuplicateFinder duplicates, CaseClocks clocks, AttachmentStore attachments, CaseHistory history,
			PersonalData personalData, CasesProperties properties, CaseTime time,
			PlatformTransactionManager transactionManager) {
		this.time = time;
		this.transactions = new TransactionTemplate(transactionManager);
		this.cases = cases;
		this.placement = placement;
		this.categories = categories;
		this.departments = departments;
		this.duplicates = duplicates;
		this.clocks = clocks;
		this.attachments = attachments;
		this.history = history;
		this.personalData = personalData;
		this.properties = properties;
	}

	/** The stored form of an idempotency key: a hash of who sent it and the key, so keys never collide across clients. */
	static String keyOf(String owner, String key) {
		return key == null ? null
				: AttachmentCheck.sha256((owner + "\n" + key).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Checks a report, answers the first case for a key seen before, or creates the case in its own transaction; a
	 * concurrent request with the same key that loses the race answers the winner's case. Without photos the unique
	 * intake key decides (a retry's insert fails, its transaction rolls back and the first case is answered), which
	 * saves a read on every new report; with photos the key is looked up first, so a retry stores no files.
	 */
	CaseSummary take(Actor actor, Intake report, String owner) {
		IntakeCheck.check(report, actor, categories);
		var photos = AttachmentCheck.check(report.photos(), properties.attachmentMaxBytes(),
				properties.attachmentMaxFiles());
		var key = CaseIntake.keyOf(owner, report.idempotencyKey());
		var earlier = key == null || photos.isEmpty() ? null : cases.findByIntakeKey(key).orElse(null);
		if (earlier != null) {
			return CaseSummary.of(earlier, time.now(), false);
		}
		try {
			return transactions.execute(status -> {
				var now = time.now();
				return CaseSummary.of(create(actor, report, key, photos, now), now, true);
			});
		}
		catch (DuplicateKeyException e) {
			var first = key == null ? null : cases.findByIntakeKey(key).orElse(null);
			if (first == null) {
				throw new ConflictException("cases.conflict");
			}
			return CaseSummary.of(first, time.now(), false);
		}
	}

	Case create(Actor actor, Intake intake, String intakeKey, List<AttachmentCheck.Checked> photos, Instant now) {
		var place = place(actor, intake);
		var matter = new Matter(intake.title().strip(), intake.description().strip(), intake.category(),
				intake.urgency(), false);
		var suggested = intake.category() == null ? Optional.<DepartmentView>empty()
				: categories.departmentKind(intake.category()).flatMap(kind -> departments.suggest(place.region(), kind));
		var duplicate = duplicates.nearest(intake.category(), place.longitude(), place.latitude(), place.region(), now);
		var origin = new Origin(trackingCode(), intakeKey, intake.channel(), reporter(actor, intake),
				intake.confidential(), suggested.map(DepartmentView::id).orElse(null), duplicate.orElse(null));
		var saved = cases.saveNew(Case.report(origin, matter, place, clocks.start(matter, place, Step.DISPATCH, now), now));
		var photoIds = attachments.add(saved.id(), CaseAction.REPORT, photos, actor.id().toString(), now);
		var details = new HashMap<String, Object>();
		details.put("channel", intake.channel().name());
		details.put("placement", place.placement().name());
		details.put("region", place.region().value());
		history.recordFirst(saved, CaseAction.REPORT, actor, now, CaseHistory.Note.of(null, details), photoIds);
		return saved;
	}

	private Place place(Actor actor, Intake intake) {
		var point = Optional.ofNullable(intake.longitude())
			.map(lng -> intake.coordinateSystem().toWgs84(lng, intake.latitude()))
			.map(p -> new CasePlacement.Point(p[0], p[1]));
		var placed = placement.place(point, Optional.ofNullable(intake.community()), actor, fallback(actor));
		if (!actor.isSystem() && !actor.id().equals(CaseManagement.RESIDENT.id())
				&& !actor.scope().coversRegion(placed.region())) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return new Place(placed.region(), placed.grid(), placed.how(), point.map(CasePlacement.Point::longitude).orElse(null),
				point.map(CasePlacement.Point::latitude).orElse(null), blankToNull(intake.address()));
	}

	private RegionCode fallback(Actor actor) {
		var scope = actor.scope();
		return scope.kind() == DataScope.Kind.REGION && !scope.region().isRoot() ? scope.region()
				: RegionCode.of(properties.unplacedRegion());
	}

	private Reporter reporter(Actor actor, Intake intake) {
		var account = actor.isSystem() || actor.id().equals(CaseManagement.RESIDENT.id()) ? null : actor.id().id();
		if (intake.anonymous()) {
			return new Reporter(null, null, null, account, true);
		}
		var phone = blankToNull(intake.reporterPhone());
		return new Reporter(personalData.encrypt(blankToNull(intake.reporterName())), personalData.encrypt(phone),
				phone == null ? null : personalData.blindIndex(phone), account, false);
	}

	private String trackingCode() {
		var code = new char[10];
		for (var i = 0; i < code.length; i++) {
			code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
