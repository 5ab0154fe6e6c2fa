package io.grassroots.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.grassroots.shared.InstantText;
import io.grassroots.shared.Sha256;

/** The hash of one link; the same function writes and verifies. */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(String previousHash, String stream, int seq, Instant at, String actorId, String action,
			String details) {
		var text = String.join("\u001f", previousHash, stream, Integer.toString(seq), stamp(at),
				actorId == null ? "" : actorId, action, details == null ? "" : details);
		return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code at.toString()} (ISO-8601, as the chain has always hashed it), written by {@link InstantText}. */
	static String stamp(Instant at) {
		return InstantText.of(at);
	}

}
