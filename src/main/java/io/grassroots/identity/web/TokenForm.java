package io.grassroots.identity.web;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a new API token is called and how many days it stays valid (none: until revoked). */
record TokenForm(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer validDays) {

	Duration validity() {
		return validDays == null ? null : Duration.ofDays(validDays);
	}

}
