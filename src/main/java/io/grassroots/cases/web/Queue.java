package io.grassroots.cases.web;

import java.util.List;
import java.util.Set;

import io.grassroots.cases.CaseFilter;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.Tier;

import static io.grassroots.cases.CaseStatus.*;

/** The queues of the work places, each a filter over the viewer's scope. */
public enum Queue {

	NEW(new CaseFilter(Set.of(REPORTED), Tier.STREET, false, null)),
	LOWER_TIERS(new CaseFilter(Set.of(REPORTED, COMMUNITY_HANDLING), null, false, null)),
	GRID_TASKS(new CaseFilter(Set.of(REPORTED), Tier.GRID, false, null)),
	COMMUNITY(new CaseFilter(Set.of(COMMUNITY_HANDLING), null, false, null)),
	FILED_QUEUE(CaseFilter.of(FILED)),
	DISPATCHED_QUEUE(CaseFilter.of(DISPATCHED)),
	IN_PROGRESS_QUEUE(CaseFilter.of(IN_PROGRESS)),
	EXTENSIONS(new CaseFilter(Set.of(IN_PROGRESS), null, true, null)),
	PARKED_QUEUE(CaseFilter.of(PARKED)),
	TO_VERIFY(CaseFilter.of(REPORTED_BACK)),
	CLOSED_QUEUE(CaseFilter.of(CLOSED, EVALUATED)),
	ALL(new CaseFilter(Set.of(), null, false, null));

	private final CaseFilter filter;

	Queue(CaseFilter filter) {
		this.filter = filter;
	}

	public CaseFilter filter() {
		return filter;
	}

	/** The queues of each work place, in the order of their tabs. */
	static List<Queue> workbench() {
		return List.of(NEW, FILED_QUEUE, DISPATCHED_QUEUE, IN_PROGRESS_QUEUE, EXTENSIONS, PARKED_QUEUE, TO_VERIFY,
				LOWER_TIERS, CLOSED_QUEUE);
	}

	static List<Queue> inbox() {
		return List.of(DISPATCHED_QUEUE, IN_PROGRESS_QUEUE, PARKED_QUEUE, TO_VERIFY, CLOSED_QUEUE);
	}

	static List<Queue> community() {
		return List.of(COMMUNITY, GRID_TASKS, TO_VERIFY, ALL);
	}

	static List<Queue> gridTasks() {
		return List.of(GRID_TASKS, TO_VERIFY);
	}

	static CaseStatus[] open() {
		return new CaseStatus[] { REPORTED, COMMUNITY_HANDLING, FILED, DISPATCHED, IN_PROGRESS, PARKED, REPORTED_BACK };
	}

}
