package io.grassroots.region;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PartyOrganisationForm(@NotBlank @Pattern(regexp = "\\d{12}") String region, @NotNull PartyLevel level,
		@NotBlank @Size(max = 100) String name, @Size(max = 100) String secretary, @Min(0) int memberCount,
		Long version) {
}
