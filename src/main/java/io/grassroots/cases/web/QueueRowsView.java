package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.CaseRow;

/**
 * The rows of one queue, refreshed by htmx.
 *
 * @param quickDispatch whether rows offer one-click dispatch to the suggested department (dispatchers)
 */
public record QueueRowsView(String place, Queue queue, List<CaseRow> rows, boolean quickDispatch) {
}
