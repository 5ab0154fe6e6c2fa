package io.grassroots.shared;

import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * An instant as PostgreSQL reads a {@code timestamptz} parameter: {@code yyyy-MM-ddTHH:mm:ss[.ffffff]Z}, its UTC time,
 * written directly. pgjdbc's {@code setTimestamp} sends the same instant as text in the JVM's time zone, formatted
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
		var date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
		var time = (int) Math.floorMod(seconds, 86_400);
		var text = new char[27];
		digits(text, 0, date.getYear(), 4);
		text[4] = '-';
		digits(text, 5, date.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, date.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, time / 3600, 2);
		text[13] = ':';
		digits(text, 14, time / 60 % 60, 2);
		text[16] = ':';
		digits(text, 17, time % 60, 2);
		if (nanos == 0) {
			text[19] = 'Z';
			return new String(text, 0, 20);
		}
		text[19] = '.';
		digits(text, 20, nanos / 1000, 6);
		text[26] = 'Z';
		return new String(text);
	}

	/** Writes {@code value} (not negative) at {@code from} with leading zeros to {@code width} digits. */
	private static void digits(char[] text, int from, int value, int width) {
		for (var i = from + width - 1; i >= from; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}
