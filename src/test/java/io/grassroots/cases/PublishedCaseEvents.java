package io.grassroots.cases;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every case event the application published, whichever thread published it: a report is written on the intake
 * writer's thread (decision cases-12), which Spring's thread-bound {@code @RecordApplicationEvents} does not see.
 */
@Component
class PublishedCaseEvents {

	private final List<CaseEvent> published = new CopyOnWriteArrayList<>();

	@EventListener
	void on(CaseEvent event) {
		published.add(event);
	}

	/** The events of one case, in the order they were published. */
	List<CaseEvent> of(CaseId id) {
		return published.stream().filter(e -> e.caseId().equals(id)).toList();
	}

}
