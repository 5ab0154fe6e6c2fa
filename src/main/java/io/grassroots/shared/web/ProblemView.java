package io.grassroots.shared.web;

import java.util.List;

/**
 * The view model of the error page and of the error fragment that htmx swaps into the page.
 *
 * @param status the HTTP status
 * @param title localized short title
 * @param detail localized explanation
 * @param errors each problem with where it is
 * @param errorId id of an unexpected error, also in the log, or empty
 */
public record ProblemView(int status, String title, String detail, List<Item> errors, String errorId) {

	public record Item(String where, String message) {
	}

}
