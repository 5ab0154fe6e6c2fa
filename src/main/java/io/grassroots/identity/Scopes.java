package io.grassroots.identity;

import java.util.List;
import java.util.Optional;

import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * Resolves and labels scopes through the modules that own their targets.
 */
@Component
class Scopes {

	private final List<ScopeDirectory> directories;

	Scopes(List<ScopeDirectory> directories) {
		this.directories = List.copyOf(directories);
	}

	DataScope resolve(DataScope.Kind kind, String reference) {
		if (kind == DataScope.Kind.REGION && RegionCode.ROOT.value().equals(reference)) {
			return DataScope.everything();
		}
		return directories.stream()
			.map(d -> d.resolve(kind, reference))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("scopeReference", "identity.scope.unknown", reference));
	}

	String label(DataScope scope) {
		if (scope.kind() == DataScope.Kind.REGION && scope.region().isRoot()) {
			return "*";
		}
		return directories.stream()
			.map(d -> d.label(scope))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(scope.region().value());
	}

}
