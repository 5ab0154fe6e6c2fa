package io.grassroots.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, the fraction in groups of three digits as needed), written digit
 * by digit for the years 0–9999 (any other instant goes through {@code toString}): {@code DateTimeFormatter.ISO_INSTANT}
 * costs several times as much, and {@code LocalDateTime.toString()} builds a date's, a time's and their joined string
 * per instant. The history chain hashes this text and the multi-row INSERTs bind it (bench/RESULTS.md § lifecycle,
 * 2026-12-04 evening and lifecycle13; § intake, intake19).
 */
public final class InstantText {

	/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the years written here. */
	private static final long YEAR_0 = -62_167_219_200L;

	private static final long YEAR_10000 = 253_402_300_800L;

	private InstantText() {
	}

	/** The instant's text, as {@link Instant#toString()}. */
	public static String of(Instant at) {
		return append(new StringBuilder(30), at).toString();
	}

	/** Appends the instant's text, as {@link Instant#toString()}, and answers the builder. */
	public static StringBuilder append(StringBuilder text, Instant at) {
		var seconds = at.getEpochSecond();
		if (seconds < YEAR_0 || seconds >= YEAR_10000) {
			return text.append(at);
		}
		var date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
		var ofDay = (int) Math.floorMod(seconds, 86_400);
		digits(text, date.getYear(), 4).append('-');
		digits(text, date.getMonthValue(), 2).append('-');
		digits(text, date.getDayOfMonth(), 2).append('T');
		digits(text, ofDay / 3_600, 2).append(':');
		digits(text, ofDay / 60 % 60, 2).append(':');
		digits(text, ofDay % 60, 2);
		var nano = at.getNano();
		if (nano > 0) {
			text.append('.');
			if (nano % 1_000_000 == 0) {
				digits(text, nano / 1_000_000, 3);
			}
			else if (nano % 1_000 == 0) {
				digits(text, nano / 1_000, 6);
			}
			else {
				digits(text, nano, 9);
			}
		}
		return text.append('Z');
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
