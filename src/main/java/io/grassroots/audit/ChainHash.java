package io.grassroots.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash of one link; the same function writes and verifies. */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(String previousHash, String stream, int seq, Instant at, String actorId, String action,
			String details) {
		var text = String.join("\u001f", previousHash, stream, Integer.toString(seq), at.toString(),
				actorId == null ? "" : actorId, action, details == null ? "" : details);
		return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** One digest per thread ({@code digest} resets it): looking the algorithm up on every link cost more than hashing. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	});

}
