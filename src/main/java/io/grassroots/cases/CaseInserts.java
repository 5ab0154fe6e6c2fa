package io.grassroots.cases;

import java.util.List;

/**
 * The insert of a new case as one hand-written statement: intake's hot path. Spring Data JDBC's generic insert maps
 * the aggregate's 50 columns through reflection and builds its SQL on every call, which cost about a third of an
 * intake request's CPU. Named {@code save…} so that the repository still publishes the case's events (as save does).
 */
interface CaseInserts {

	/** Inserts a case that was never saved (version 0 afterwards, like the first save); publishes its events. */
	Case saveNew(Case reported);

	/**
	 * Inserts cases that were never saved in one JDBC batch, in the order given (the intake writer's batch);
	 * publishes their events in that order.
	 */
	List<Case> saveAllNew(List<Case> reported);

}
