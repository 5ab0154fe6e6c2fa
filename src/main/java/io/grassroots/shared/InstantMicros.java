package io.grassroots.shared;

import java.sql.Timestamp;

/**
 * An instant bound on PostgreSQL as a number, its microseconds since the epoch ({@code int8}), where the statement
 * turns it into the {@code timestamptz} ({@link #PARAMETER}): PostgreSQL then does not parse the instant's text,
 * which cost its backend ≈ 1.1 µs per instant, a lifecycle's six case updates and seven history entries binding ≈ 30
 * of them (raw JDBC writes {@code now()}, bench/RESULTS.md § lifecycle, lifecycle27). The time still comes from the
 * node's {@code Clock}; the stored value is the same to the microsecond.
 * <p>
 * Exact only where a {@code float8} holds the count exactly ({@code int8 * interval} multiplies in {@code float8}):
 * within ±2<sup>53</sup> µs of the epoch (the years 1685–2255), and only for whole microseconds (what PostgreSQL stores;
 * a finer instant is rounded by its text input). Any other instant keeps the {@code ?} of its text
 * ({@link #fits(Timestamp)}).
 */
public final class InstantMicros {

	/** The parameter of an instant bound as its microseconds since the epoch (PostgreSQL). */
	public static final String PARAMETER = "(timestamptz 'epoch' + ?::int8 * interval '1 microsecond')";

	/** 2<sup>53</sup>: a {@code float8} holds every whole number of microseconds of smaller magnitude exactly. */
	private static final long EXACT = 1L << 53;

	private InstantMicros() {
	}

	/** Whether the instant may go as {@link #of(Timestamp)} into a {@link #PARAMETER} (not null, exact). */
	public static boolean fits(Timestamp at) {
		if (at == null || at.getNanos() % 1000 != 0) {
			return false;
		}
		var seconds = Math.floorDiv(at.getTime(), 1000L);
		return seconds > -EXACT / 1_000_000 + 1 && seconds < EXACT / 1_000_000 - 1;
	}

	/** The instant's microseconds since the epoch, for a {@link #PARAMETER}; only for an instant that {@link #fits}. */
	public static Long of(Timestamp at) {
		return Math.floorDiv(at.getTime(), 1000L) * 1_000_000L + at.getNanos() / 1000;
	}

}
