package io.grassroots.region;

import java.util.Optional;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.ScopeDirectory;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * Lets identity check and name region and department scopes.
 */
@Component
class RegionScopeDirectory implements ScopeDirectory {

	private final Regions regions;

	private final DepartmentRepository departments;

	RegionScopeDirectory(Regions regions, DepartmentRepository departments) {
		this.regions = regions;
		this.departments = departments;
	}

	@Override
	public Optional<DataScope> resolve(DataScope.Kind kind, String reference) {
		if (reference == null) {
			return Optional.empty();
		}
		return switch (kind) {
			case REGION -> RegionCode.isValid(reference) && regions.exists(RegionCode.of(reference))
					? Optional.of(DataScope.region(RegionCode.of(reference))) : Optional.empty();
			case DEPARTMENT -> department(reference)
				.map(d -> DataScope.department(d.id().id(), d.region()));
			case GRID -> Optional.empty();
		};
	}

	private Optional<Department> department(String reference) {
		if (reference.contains(":")) {
			var parts = reference.split(":", 2);
			if (!RegionCode.isValid(parts[0]) || !isKind(parts[1])) {
				return Optional.empty();
			}
			return departments.findFirstByRegionAndKindAndActiveTrue(RegionCode.of(parts[0]),
					DepartmentKind.valueOf(parts[1]));
		}
		try {
			return departments.findById(new DepartmentId(UUID.fromString(reference)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static boolean isKind(String name) {
		return java.util.Arrays.stream(DepartmentKind.values()).anyMatch(k -> k.name().equals(name));
	}

	@Override
	public Optional<String> label(DataScope scope) {
		return switch (scope.kind()) {
			case REGION -> regions.find(scope.region()).map(RegionView::shortName);
			case DEPARTMENT -> departments.findById(new DepartmentId(scope.department())).map(d -> d.view().name());
			case GRID -> Optional.empty();
		};
	}

}
