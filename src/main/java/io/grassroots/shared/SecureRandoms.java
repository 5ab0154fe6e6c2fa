package io.grassroots.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A cryptographically strong random generator per thread, for values drawn on the request path (tracking codes,
 * encryption IVs). The platform's default on Linux, {@code NativePRNG}, serves every instance from one shared reader of
 * {@code /dev/urandom} under one global lock, where the request threads queued under load (bench/RESULTS.md § intake,
 * intake10 and intake11) — so a {@code new SecureRandom()} per thread would not help. Each thread gets its own
 * {@code DRBG} instead (NIST SP 800-90A Hash_DRBG with SHA-256, the JDK's own), seeded from the system's entropy when
 * the thread first draws, reseeded as the JDK's defaults say; its lock is the thread's own.
 */
public final class SecureRandoms {

	private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(SecureRandoms::create);

	private SecureRandoms() {
	}

	/** The calling thread's generator; not to be handed to another thread. */
	public static SecureRandom current() {
		return PER_THREAD.get();
	}

	private static SecureRandom create() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("The JDK's DRBG is missing", e);
		}
	}

}
