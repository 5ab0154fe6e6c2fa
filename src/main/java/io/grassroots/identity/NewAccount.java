package io.grassroots.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator gives to open an account.
 *
 * @param scopeReference a region code, a department (id or {@code <county code>:<kind>}) or a grid (id or code)
 */
public record NewAccount(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String username,
		@NotBlank @Size(max = 100) String displayName, @NotBlank @Size(min = 10, max = 200) String password,
		@NotEmpty Set<Role> roles, @NotNull DataScope.Kind scopeKind, @NotBlank @Size(max = 64) String scopeReference) {
}
