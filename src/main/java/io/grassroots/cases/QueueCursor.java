package io.grassroots.cases;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.grassroots.shared.InvalidInputException;

/**
 * Where the next page of a work queue starts: the last row shown, by the queue's order (deadline first, then the
 * newest report, then the id). The next page reads on from there in the order of the queue's index, so it costs
 * what the first page costs however far down the queue it is.
 *
 * @param dueAt the deadline of the last row, or null (no clock runs: parked and closed cases come last)
 */
public record QueueCursor(Instant dueAt, Instant reportedAt, CaseId id) {

	public QueueCursor {
		if (reportedAt == null || id == null) {
			throw new IllegalArgumentException("a queue cursor needs the report time and the id");
		}
	}

	static QueueCursor after(CaseRow row) {
		return new QueueCursor(row.dueAt(), row.reportedAt(), row.id());
	}

	/** The cursor as a request parameter: {@code <due or ->_<reported>_<id>}, instants in ISO-8601. */
	@Override
	public String toString() {
		return (dueAt == null ? "-" : dueAt.toString()) + "_" + reportedAt + "_" + id;
	}

	/** A cursor from {@link #toString()}; a malformed one is invalid input ({@code after}). */
	public static QueueCursor parse(String text) {
		var parts = text == null ? new String[0] : text.split("_", -1);
		if (parts.length != 3) {
			throw InvalidInputException.of("after", "cases.queue.badCursor");
		}
		try {
			return new QueueCursor(parts[0].equals("-") ? null : Instant.parse(parts[0]), Instant.parse(parts[1]),
					new CaseId(UUID.fromString(parts[2])));
		}
		catch (DateTimeParseException | IllegalArgumentException e) {
			throw InvalidInputException.of("after", "cases.queue.badCursor");
		}
	}

}
