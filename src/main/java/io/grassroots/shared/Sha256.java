package io.grassroots.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, with one {@link MessageDigest} per thread ({@code digest} resets it): looking the
 * algorithm up in the providers on every call cost more than hashing a short text (the audit chain's links, bench
 * lifecycle; every API request's bearer token, bench intake).
 */
public final class Sha256 {

	private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	});

	private Sha256() {
	}

	/** The hash of {@code bytes}, 64 hex digits. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(DIGEST.get().digest(bytes));
	}

	/** The hash of {@code length} bytes of {@code bytes} from {@code offset}, 64 hex digits. */
	public static String hex(byte[] bytes, int offset, int length) {
		var digest = DIGEST.get();
		digest.update(bytes, offset, length);
		return HexFormat.of().formatHex(digest.digest());
	}

}
