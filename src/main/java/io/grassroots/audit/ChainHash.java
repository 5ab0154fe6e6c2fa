package io.grassroots.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

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

	/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the years {@link #stamp} writes itself. */
	private static final long YEAR_0 = -62_167_219_200L;

	private static final long YEAR_10000 = 253_402_300_800L;

	/**
	 * {@code at.toString()} (ISO-8601, as the chain has always hashed it), written directly for the instants the
	 * history stamps (whole milliseconds, years 0–9999); any other goes through {@link Instant#toString()}.
	 * {@code DateTimeFormatter} was half the time of a link's hash (bench/RESULTS.md § lifecycle, 2026-12-04 evening).
	 */
	static String stamp(Instant at) {
		var seconds = at.getEpochSecond();
		var nanos = at.getNano();
		if (nanos % 1_000_000 != 0 || seconds < YEAR_0 || seconds >= YEAR_10000) {
			return at.toString();
		}
		var date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
		var time = (int) Math.floorMod(seconds, 86_400);
		var text = new StringBuilder(24);
		digits(text, date.getYear(), 4).append('-');
		digits(text, date.getMonthValue(), 2).append('-');
		digits(text, date.getDayOfMonth(), 2).append('T');
		digits(text, time / 3600, 2).append(':');
		digits(text, time / 60 % 60, 2).append(':');
		digits(text, time % 60, 2);
		if (nanos != 0) {
			digits(text.append('.'), nanos / 1_000_000, 3);
		}
		return text.append('Z').toString();
	}

	/** Appends {@code value} (not negative) with leading zeros to {@code width} digits. */
	private static StringBuilder digits(StringBuilder text, int value, int width) {
		for (var limit = 10; width > 1; width--, limit *= 10) {
			if (value < limit) {
				text.append('0');
			}
		}
		return text.append(value);
	}

}
