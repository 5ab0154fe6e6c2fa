package io.grassroots.shared;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, with one {@link MessageDigest} per thread ({@code digest} resets it): looking the
 * algorithm up in the providers on every call cost more than hashing a short text (the audit chain's links, bench
 * lifecycle; every API request's bearer token, bench intake).
 */
public final class Sha256 {

	private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

	private Sha256() {
	}

	/** The hash of {@code bytes}, 64 hex digits. */
	public static String hex(byte[] bytes) {
		return hex(bytes, 0, bytes.length);
	}

	/**
	 * The hash of {@code length} bytes of {@code bytes} from {@code offset}, 64 hex digits. The digest is written into
	 * the thread's 32 bytes, not a new array per hash (a history link's, bench/RESULTS.md § lifecycle, lifecycle23).
	 */
	public static String hex(byte[] bytes, int offset, int length) {
		var hasher = HASHER.get();
		hasher.digest.update(bytes, offset, length);
		try {
			hasher.digest.digest(hasher.hash, 0, hasher.hash.length);
		}
		catch (DigestException e) {
			throw new IllegalStateException(e);
		}
		return HexFormat.of().formatHex(hasher.hash);
	}

	/** A thread's digest and the bytes of its last hash. */
	private static final class Hasher {

		private final MessageDigest digest;

		private final byte[] hash = new byte[32];

		Hasher() {
			try {
				digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

	}

}
