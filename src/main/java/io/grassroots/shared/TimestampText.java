package io.grassroots.shared;

import java.sql.Timestamp;

/**
 * An instant as PostgreSQL reads a {@code timestamptz} parameter: {@code yyyy-MM-ddTHH:mm:ss[.fff|.ffffff]Z}, its UTC time,
 * written by {@link InstantText}. pgjdbc's {@code setTimestamp} sends the same instant as text in the JVM's time zone, formatted
 * through a {@code Calendar} under the connection's lock (4 % of a transition's thread, bench/RESULTS.md § lifecycle,
 * lifecycle17). Only for whole microseconds (what PostgreSQL stores, and what the product writes) in the years
 * 1583–9999; null for any other instant, which then goes through {@code setTimestamp} as before.
 */
final class TimestampText {

	/**
	 * 1583-01-01T00:00:00Z: before the Gregorian calendar's first whole year a {@code Timestamp} is read and written by
	 * the Julian calendar (pgjdbc's text named another day than java.time's), so earlier instants keep the driver's text.
	 */
	private static final long YEAR_1583 = -12_212_553_600L;

	/** 10000-01-01T00:00:00Z. */
	private static final long YEAR_10000 = 253_402_300_800L;

	private TimestampText() {
	}

	static String of(Timestamp at) {
		var seconds = Math.floorDiv(at.getTime(), 1000L);
		var nanos = at.getNanos();
		if (nanos % 1000 != 0 || seconds < YEAR_1583 || seconds >= YEAR_10000) {
			return null;
		}
		return InstantText.of(at.toInstant());
	}

}
