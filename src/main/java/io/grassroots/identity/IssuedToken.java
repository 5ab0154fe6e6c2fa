package io.grassroots.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A new API token. The secret is shown this once; only its hash is stored.
 */
public record IssuedToken(UUID id, String name, String secret, Instant expiresAt) {
}
