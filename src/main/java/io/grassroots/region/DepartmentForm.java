package io.grassroots.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator gives to register or change a department.
 *
 * @param region the 12-digit code of the region it serves (usually a county)
 * @param version the version being changed, or null for a new department
 */
public record DepartmentForm(@NotBlank @Pattern(regexp = "\\d{12}") String region, @NotNull DepartmentKind kind,
		@NotBlank @Size(max = 100) String name, @Size(max = 100) String head, @Size(max = 40) String phone,
		Long version) {
}
