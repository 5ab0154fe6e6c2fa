package io.grassroots.cases;

import java.util.List;

/**
 * One page of a work queue.
 *
 * @param next where the following page starts, or null when this is the last
 */
public record QueuePage(List<CaseRow> rows, QueueCursor next) {
}
