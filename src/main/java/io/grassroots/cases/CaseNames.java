package io.grassroots.cases;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.Regions;
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

	private final Cache<RegionCode, String> regionNames = Caffeine.newBuilder()
		.expireAfterWrite(KEPT)
		.maximumSize(50_000)
		.build();

	private final Cache<DepartmentId, String> departmentNames = Caffeine.newBuilder()
		.expireAfterWrite(KEPT)
		.maximumSize(50_000)
		.build();

	CaseNames(Regions regions, DepartmentDirectory departments, Categories categories) {
		this.regions = regions;
		this.departments = departments;
		this.categories = categories;
	}

	String region(RegionCode code) {
		if (code == null) {
			return "";
		}
		var name = regionNames.getIfPresent(code);
		if (name == null) {
			var around = regions.shortNamesWithSiblings(code);
			regionNames.putAll(around);
			name = around.getOrDefault(code, code.value());
			if (!around.containsKey(code)) {
				regionNames.put(code, name);
			}
		}
		return name;
	}

	String department(DepartmentId id) {
		if (id == null) {
			return "";
		}
		var name = departmentNames.getIfPresent(id);
		if (name == null) {
			var around = departments.namesWithTheirRegionsOthers(id);
			departmentNames.putAll(around);
			name = around.getOrDefault(id, "");
			if (!around.containsKey(id)) {
				departmentNames.put(id, name);
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
