package io.grassroots.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change of an account's name, roles or scope, made against the version the administrator saw.
 */
public record AccountChange(@NotBlank @Size(max = 100) String displayName, @NotEmpty Set<Role> roles,
		@NotNull DataScope.Kind scopeKind, @NotBlank @Size(max = 64) String scopeReference, @NotNull Long version) {
}
