package io.grassroots.cases;

import java.util.UUID;

/**
 * Who reported a case. Name and phone are personal data: stored encrypted, with a blind index of the phone for
 * finding a resident's cases; empty for anonymous reports.
 *
 * @param reporterName the encrypted name
 * @param reporterPhone the encrypted phone number
 * @param reporterPhoneIndex the blind index of the phone number
 * @param reporterAccount the staff account that reported it, if any
 * @param anonymous whether the reporter chose to stay anonymous
 */
public record Reporter(String reporterName, String reporterPhone, String reporterPhoneIndex, UUID reporterAccount,
		boolean anonymous) {
}
