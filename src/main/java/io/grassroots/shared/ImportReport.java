package io.grassroots.shared;

import java.util.List;

/**
 * What an import did or would do. An import with any refused row applies nothing: {@code applied} is false and
 * {@code refused} says what is wrong where.
 *
 * @param added rows that are new
 * @param changed rows that change an existing record
 * @param unchanged rows equal to what is stored
 * @param refused problems, each with the file, line and column
 * @param applied whether the rows were written
 */
public record ImportReport(int added, int changed, int unchanged, List<Problem> refused, boolean applied) {

	public ImportReport {
		refused = List.copyOf(refused);
	}

	public static ImportReport refused(List<Problem> problems) {
		return new ImportReport(0, 0, 0, problems, false);
	}

	public boolean ok() {
		return refused.isEmpty();
	}

	/**
	 * @param source the file (or feature collection) the problem is in
	 * @param line 1-based line or row number, 0 for the file as a whole
	 * @param column the column or property, or empty
	 * @param messageKey what is wrong, as a message key
	 * @param arguments the message's arguments
	 */
	public record Problem(String source, long line, String column, String messageKey, List<String> arguments) {

		public Problem {
			arguments = List.copyOf(arguments);
		}

		public static Problem of(String source, long line, String column, String messageKey, Object... arguments) {
			return new Problem(source, line, column, messageKey,
					java.util.Arrays.stream(arguments).map(String::valueOf).toList());
		}

	}

}
