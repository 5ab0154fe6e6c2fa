package io.grassroots.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.LoadingCache;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.shared.Caches;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * The departments intake and dispatch need, kept in memory for a minute: which serve a place, which one a kind
 * suggests, and their names. Keeps the region tree walks off the write path. A list in use is reloaded in the
 * background while its callers go on with the one they have ({@link Caches#refreshedAhead}).
 */
@Component
class DepartmentDirectory {

	private final Departments departments;

	private final LoadingCache<RegionCode, List<DepartmentView>> serving;

	DepartmentDirectory(Departments departments) {
		this.departments = departments;
		this.serving = Caches.refreshedAhead(Duration.ofMinutes(1), 20_000, departments::serving);
	}

	List<DepartmentView> serving(RegionCode place) {
		return serving.get(place);
	}

	/** The last department of the kind among those serving the place (asked on every intake: no list per call). */
	Optional<DepartmentView> suggest(RegionCode place, DepartmentKind kind) {
		var serving = serving(place);
		for (var i = serving.size() - 1; i >= 0; i--) {
			if (serving.get(i).kind() == kind) {
				return Optional.of(serving.get(i));
			}
		}
		return Optional.empty();
	}

	boolean serves(RegionCode place, DepartmentId department) {
		return serving(place).stream().anyMatch(d -> d.id().equals(department));
	}

	/** The names of a department and of the other departments of its region, read in one statement. */
	Map<DepartmentId, String> namesWithTheirRegionsOthers(DepartmentId id) {
		return departments.namesWithTheirRegionsOthers(id);
	}

	Optional<DepartmentView> find(DepartmentId id) {
		return id == null ? Optional.empty() : departments.find(id);
	}

}
