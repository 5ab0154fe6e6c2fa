package io.grassroots.calendar;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A limit (时限) such as 30 minutes, 1 working hour or 7 working days.
 *
 * @param amount how many units, 0 or more
 * @param unit how they are counted
 */
public record TimeLimit(int amount, LimitUnit unit) {

	/** The largest amount accepted: a year of minutes. */
	public static final int MAX_AMOUNT = 527_040;

	private static final Pattern TEXT = Pattern.compile("(\\d{1,6})\\s+(MINUTES|WORKING_HOURS|WORKING_DAYS)");

	public TimeLimit {
		if (unit == null) {
			throw new IllegalArgumentException("A time limit has a unit");
		}
		if (amount < 0 || amount > MAX_AMOUNT) {
			throw new IllegalArgumentException("A time limit lies between 0 and " + MAX_AMOUNT + ": " + amount);
		}
	}

	public static TimeLimit minutes(int amount) {
		return new TimeLimit(amount, LimitUnit.MINUTES);
	}

	public static TimeLimit workingHours(int amount) {
		return new TimeLimit(amount, LimitUnit.WORKING_HOURS);
	}

	public static TimeLimit workingDays(int amount) {
		return new TimeLimit(amount, LimitUnit.WORKING_DAYS);
	}

	/** Reads the form {@link #toString()} writes, e.g. {@code 7 WORKING_DAYS}. */
	public static TimeLimit parse(String text) {
		var matcher = text == null ? null : TEXT.matcher(text.strip());
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException("Not a time limit: " + text);
		}
		return new TimeLimit(Integer.parseInt(matcher.group(1)), LimitUnit.valueOf(matcher.group(2)));
	}

	/**
	 * The length on the unit's own clock, for minutes and working hours (calendar or working time); working days
	 * have no fixed length, so they answer empty-handed with an exception.
	 */
	public Duration length() {
		return switch (unit) {
			case MINUTES -> Duration.ofMinutes(amount);
			case WORKING_HOURS -> Duration.ofHours(amount);
			case WORKING_DAYS -> throw new UnsupportedOperationException("Working days have no fixed length");
		};
	}

	public TimeLimit plus(int more) {
		return new TimeLimit(amount + more, unit);
	}

	@Override
	public String toString() {
		return amount + " " + unit.name();
	}

}
