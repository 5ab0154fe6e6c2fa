package io.grassroots.identity;

import java.util.Optional;

/**
 * Implemented by the modules that own what a scope points at (regions and departments, grids), so that identity
 * can check and describe scopes without depending on those modules.
 */
public interface ScopeDirectory {

	/**
	 * Finds the target of a scope and returns the complete scope, or empty when this directory does not know the
	 * reference.
	 * @param kind what the reference names
	 * @param reference a 12-digit region code; a department id or {@code <county code>:<department kind>}; a grid id or
	 * grid code
	 */
	Optional<DataScope> resolve(DataScope.Kind kind, String reference);

	/** How the scope is shown to people, e.g. 宁边路街道 or 昌吉市市场监督管理局. */
	Optional<String> label(DataScope scope);

}
