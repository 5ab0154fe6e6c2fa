package io.grassroots.cases.web;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.cases.CaseFilter;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.QueueCursor;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.web.Redirects;
import io.grassroots.identity.Role;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work places of the console: the dispatcher's workbench, the department's inbox, the community's list and the
 * case search. Each shows queues with lights and time left, a page of {@value #PAGE} rows at a time with "show more"
 * below (decision cases-11); rows refresh themselves every half minute, as many as are shown.
 */
@Controller
class WorkPlaceController {

	/** The rows of a page: what a person works through before looking again (decision cases-11). */
	static final int PAGE = 50;

	/** The most rows a refresh renders (a queue brought in page by page, then refreshed). */
	static final int MAX_SHOWN = 500;

	private final CaseQueries queries;

	private final CaseManagement cases;

	private final CurrentUser currentUser;

	WorkPlaceController(CaseQueries queries, CaseManagement cases, CurrentUser currentUser) {
		this.queries = queries;
		this.cases = cases;
		this.currentUser = currentUser;
	}

	@GetMapping({ "/cases/workbench", "/cases/inbox", "/cases/community", "/cases" })
	String page(@RequestParam(required = false) Queue queue, @RequestParam(required = false) String q,
			jakarta.servlet.http.HttpServletRequest request, Model model) {
		var place = place(request.getRequestURI());
		var queues = queues(place);
		var active = queue != null && queues.contains(queue) ? queue : queues.get(0);
		model.addAttribute("view", new QueuePageView(place, queues, active, rows(place, active, q, null, PAGE),
				q == null ? "" : q));
		return "cases/queuePage";
	}

	/**
	 * The rows of a queue for htmx: its first rows again (the half-minute refresh, as many as were {@code shown}), or
	 * the next page after a cursor ("show more": table rows that take the place of the button).
	 */
	@HxRequest
	@GetMapping("/cases/places/{place}/rows")
	String rows(@PathVariable String place, @RequestParam Queue queue, @RequestParam(required = false) String q,
			@RequestParam(required = false) String after, @RequestParam(required = false) Integer shown, Model model) {
		if (!queues(place).contains(queue)) {
			throw new NotFoundException("problem.notFound");
		}
		if (after != null) {
			model.addAttribute("view", rows(place, queue, q, QueueCursor.parse(after), PAGE));
			return "cases/queueNextRows";
		}
		var size = shown == null ? PAGE : Math.min(Math.max(shown, PAGE), MAX_SHOWN);
		model.addAttribute("view", rows(place, queue, q, null, size));
		return "cases/queueRows";
	}

	/** 一键派单: files a new report with its category if needed, then dispatches it to the suggested department. */
	@PostMapping("/cases/{id}/quick-dispatch")
	String quickDispatch(@PathVariable CaseId id, @RequestParam long version, HtmxRequest htmx,
			RedirectAttributes attributes) {
		var actor = currentUser.actor();
		var subject = queries.summary(actor, id);
		if (subject.suggestedDepartment() == null || subject.category() == null) {
			throw InvalidInputException.of("lead", "cases.quickDispatch.noSuggestion");
		}
		if (subject.status() == CaseStatus.REPORTED) {
			subject = cases.file(actor, id, version, subject.category(), subject.urgency(), false, null);
			version = subject.version();
		}
		cases.dispatch(actor, id, version, subject.suggestedDepartment(), List.of(), null);
		return Redirects.withNotice(htmx, attributes, "/cases/workbench?queue=" + Queue.DISPATCHED_QUEUE,
				"cases.notice.dispatched");
	}

	private QueueRowsView rows(String place, Queue queue, String text, QueueCursor after, int size) {
		return rows(currentUser.actor(), place, queue, text, after, size);
	}

	/** The rows of a queue as {@code actor} sees them; also what {@link QueueRehearsal} renders before ready. */
	QueueRowsView rows(Actor actor, String place, Queue queue, String text, QueueCursor after, int size) {
		var filter = queue.filter();
		var search = text == null || text.isBlank() ? null : text.strip();
		if (search != null) {
			filter = new CaseFilter(filter.statuses(), filter.tier(), filter.extensionPending(), search);
		}
		var page = queries.page(actor, filter, after, size);
		// always an immutable list (a queue's last page comes as the reader's ArrayList, the others as a copy): the
		// templates' loops over the rows then meet one list class, not a second one late (pages22: a C2 trap there)
		return new QueueRowsView(place, queue, List.copyOf(page.rows()), page.next(), search,
				actor.has(Role.DISPATCHER) && (queue == Queue.NEW || queue == Queue.FILED_QUEUE));
	}

	private static String place(String uri) {
		return uri.endsWith("/workbench") ? "workbench" : uri.endsWith("/inbox") ? "inbox"
				: uri.endsWith("/community") ? "community" : "search";
	}

	private static List<Queue> queues(String place) {
		return switch (place) {
			case "workbench" -> Queue.workbench();
			case "inbox" -> Queue.inbox();
			case "community" -> Queue.community();
			case "search" -> List.of(Queue.ALL);
			default -> throw new NotFoundException("problem.notFound");
		};
	}

}
