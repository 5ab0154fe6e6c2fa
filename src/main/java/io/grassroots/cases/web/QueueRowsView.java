package io.grassroots.cases.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.grassroots.cases.CaseRow;
import io.grassroots.cases.QueueCursor;

/**
 * A page of rows of one queue, refreshed by htmx.
 *
 * @param next where the next page starts ("show more"), or null when these are the last rows
 * @param text the search the rows answer, or null
 * @param quickDispatch whether rows offer one-click dispatch to the suggested department (dispatchers)
 */
public record QueueRowsView(String place, Queue queue, List<CaseRow> rows, QueueCursor next, String text,
		boolean quickDispatch) {

	/** Where the next page's rows come from. */
	public String moreUri() {
		return "/cases/places/" + place + "/rows?queue=" + queue.name() + "&after=" + encode(next.toString())
				+ (text == null ? "" : "&q=" + encode(text));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
