package io.grassroots.shared.web;

/**
 * A module's work pages, rendered and written with made-up rows before the node reports ready, so that the code a
 * page runs per row (its templates, the JSON of its rows) is compiled before the first person asks for it (decision
 * 0026, amended 2026-12-06 late). {@link #rehearse} reads no database and no account, {@link #rehearseReads} reads
 * without writing; what either renders is thrown away.
 */
public interface PageRehearsal {

	/** Renders the module's pages once, with made-up rows, on {@code stage}. */
	void rehearse(Stage stage);

	/**
	 * Reads the module's pages from the database once, for made-up actors, and renders them on {@code stage}; writes
	 * nothing (decision 0026, amended 2026-12-07). Run in fewer rounds than {@link #rehearse} (amended again by
	 * pages13): the reads are the start's most expensive part, and what they compile needs fewer rounds.
	 */
	default void rehearseReads(Stage stage) {
	}

	/**
	 * The module's pages as signed-in requests to the node itself, known after {@link #rehearseReads} (real ids and
	 * cursors): the rehearsal asks for a few of them each read round, signed in with its {@link RehearsalPass}, so that
	 * a signed-in request's web layer — the handler mappings' conditions, the argument resolvers, the views and the
	 * JSON converter on a response, HTML, htmx and JSON — runs before real requests do (decision 0039). Empty by default.
	 */
	default java.util.List<SelfRequest> requests() {
		return java.util.List.of();
	}

	/**
	 * A {@code GET} of {@code path} as a made-up actor of {@code role} (a role's name: {@code DISPATCHER} or
	 * {@code DEPARTMENT_HANDLER}), asking for JSON or HTML, as htmx or not.
	 */
	record SelfRequest(String path, String role, boolean json, boolean htmx) {

	}

	/** What a rehearsal renders and writes with: the console's own template output and the application's JSON. */
	interface Stage {

		/** Renders {@code template} with {@code view} as the console's view does (UTF-8 bytes); returns the bytes. */
		int render(String template, Object view);

		/** Writes {@code value} as the API's JSON; returns the bytes. */
		int json(Object value);

	}

}
