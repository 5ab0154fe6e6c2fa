package io.grassroots.grid;

import java.util.Optional;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.ScopeDirectory;

import org.springframework.stereotype.Component;

/**
 * Lets identity scope accounts to a grid, named by its id or its 15-digit code, and show the grid's name.
 */
@Component
class GridScopeDirectory implements ScopeDirectory {

	private final GridRepository grids;

	GridScopeDirectory(GridRepository grids) {
		this.grids = grids;
	}

	@Override
	public Optional<DataScope> resolve(DataScope.Kind kind, String reference) {
		if (kind != DataScope.Kind.GRID || reference == null) {
			return Optional.empty();
		}
		return find(reference.strip()).map(g -> DataScope.grid(g.id().id(), g.community()));
	}

	@Override
	public Optional<String> label(DataScope scope) {
		if (scope.kind() != DataScope.Kind.GRID) {
			return Optional.empty();
		}
		return grids.findById(new GridId(scope.grid())).map(g -> g.view().name());
	}

	private Optional<Grid> find(String reference) {
		if (reference.matches("\\d{15}")) {
			return grids.findByCode(reference);
		}
		try {
			return grids.findById(new GridId(UUID.fromString(reference)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

}
