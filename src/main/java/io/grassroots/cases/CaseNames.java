package io.grassroots.cases;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.RegionView;
import io.grassroots.region.Regions;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/** The names lists and pages show (regions, departments, categories), kept in memory for a few minutes. */
@Component
class CaseNames {

	private final Regions regions;

	private final DepartmentDirectory departments;

	private final Categories categories;

	private final Cache<String, String> names = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(5))
		.maximumSize(50_000)
		.build();

	CaseNames(Regions regions, DepartmentDirectory departments, Categories categories) {
		this.regions = regions;
		this.departments = departments;
		this.categories = categories;
	}

	String region(RegionCode code) {
		return code == null ? "" : names.get("r:" + code.value(),
				k -> regions.find(code).map(RegionView::shortName).orElse(code.value()));
	}

	String department(DepartmentId id) {
		return id == null ? "" : names.get("d:" + id, k -> departments.find(id).map(DepartmentView::name).orElse(""));
	}

	String category(CategoryKey key) {
		return key == null ? "" : categories.find(key).map(Category::name).orElse(key.code());
	}

	String categoryPath(CategoryKey key) {
		return key == null ? "" : categories.path(key);
	}

}
