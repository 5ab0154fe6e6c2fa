package io.grassroots.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of a 256-bit AES key that encrypts personal data at rest; production takes it from the
 * environment and has no default
 */
@ConfigurationProperties("grassroots.personal-data")
public record PersonalDataProperties(String key) {
}
