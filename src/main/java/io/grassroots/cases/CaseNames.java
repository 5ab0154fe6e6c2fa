package io.grassroots.cases;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.Regions;
import io.grassroots.shared.Caches;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * The names lists and pages show (regions, departments, categories), kept in memory for a few minutes. A region's
 * name is read together with those of the other children of its parent (a community with the rest of its street's
 * communities), a department's with those of the other departments of its region: the rows of a queue come from a
 * few streets and counties, so the first pages after a start or an expiry read a street's or a county's names in one
 * statement instead of a transaction per community or department (bench/RESULTS.md § pages, 2026-12-05).
 */
@Component
class CaseNames {

	private static final Duration KEPT = Duration.ofMinutes(5);

	private final Regions regions;

	private final DepartmentDirectory departments;

	private final Categories categories;

	private final Cache<RegionCode, String> regionNames = Caches.keptByCallers()
		.expireAfterWrite(KEPT)
		.maximumSize(50_000)
		.build();

	private final Cache<DepartmentId, String> departmentNames = Caches.keptByCallers()
		.expireAfterWrite(KEPT)
		.maximumSize(50_000)
		.build();

	CaseNames(Regions regions, DepartmentDirectory departments, Categories categories) {
		this.regions = regions;
		this.departments = departments;
		this.categories = categories;
	}

	String region(RegionCode code) {
		return code == null ? "" : named(regionNames, code, regions::shortNamesWithSiblings, code.value());
	}

	String department(DepartmentId id) {
		return id == null ? "" : named(departmentNames, id, departments::namesWithTheirRegionsOthers, "");
	}

	/**
	 * The cached name of {@code key}; when it is not cached, the names read around it (its siblings') are cached too,
	 * and a key the read does not know is cached with {@code unknown}.
	 */
	private static <K> String named(Cache<K, String> cache, K key, Function<K, Map<K, String>> readAround,
			String unknown) {
		var name = cache.getIfPresent(key);
		if (name == null) {
			var around = readAround.apply(key);
			cache.putAll(around);
			name = around.getOrDefault(key, unknown);
			if (!around.containsKey(key)) {
				cache.put(key, name);
			}
		}
		return name;
	}

	String category(CategoryKey key) {
		return key == null ? "" : categories.find(key).map(Category::name).orElse(key.code());
	}

	String categoryPath(CategoryKey key) {
		return key == null ? "" : categories.path(key);
	}

}
