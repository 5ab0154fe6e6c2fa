package io.grassroots.audit;

import java.time.Instant;

/**
 * One link of a stream's chain: {@code hash = SHA-256(previousHash, stream, seq, at, actor, action, details)}.
 */
public record AuditEntry(long entryNo, String stream, int seq, Instant at, String actorId, String actorName,
		String action, String details, String previousHash, String hash) {
}
