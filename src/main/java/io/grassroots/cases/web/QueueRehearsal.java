package io.grassroots.cases.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grassroots.cases.CaseFilter;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseRow;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.Channel;
import io.grassroots.cases.QueueCursor;
import io.grassroots.cases.Tier;
import io.grassroots.cases.TrafficLight;
import io.grassroots.cases.Urgency;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.web.PageRehearsal;
import io.grassroots.shared.web.PageRehearsal.SelfRequest;

import org.springframework.stereotype.Component;

/**
 * The work places' pages rehearsed before the node is ready (decision 0026, amended 2026-12-06 late): the workbench
 * and the inbox with a page of made-up rows, the next page ("show more") and the rows as the API's JSON. The rows
 * vary in every column a row's template branches on (channel, state, tier, urgency, light, duplicate, confidential,
 * extension), so each branch's code is run. Then the same pages read from the database for made-up actors, as a
 * signed-in request reads them (amended 2026-12-07, {@link #rehearseReads}, in the first rounds only). Nothing is written or kept.
 */
@Component
class QueueRehearsal implements PageRehearsal {

	/** A fixed moment: the rows' times only need to be times. */
	private static final Instant NOON = Instant.parse("2026-01-05T04:00:00Z");

	private final List<CaseRow> rows;

	private final QueueCursor next;

	/** A dispatcher of the whole country who is no account: the workbench's statements, read with real rows. */
	private static final Actor DISPATCHER = new Actor(new AccountId(new UUID(0x2026L, 1)), "rehearsal", "rehearsal",
			Set.of(Role.DISPATCHER), DataScope.everything());

	/** A handler of a department that does not exist: the inbox's statements, which find no rows. */
	private static final Actor DEPARTMENT = new Actor(new AccountId(new UUID(0x2026L, 2)), "rehearsal", "rehearsal",
			Set.of(Role.DEPARTMENT_HANDLER), DataScope.department(new UUID(0x2026L, 3), RegionCode.ROOT));

	private final WorkPlaceController workPlaces;

	private final CaseController casePages;

	private final CaseQueries queries;

	QueueRehearsal(WorkPlaceController workPlaces, CaseController casePages, CaseQueries queries) {
		this.workPlaces = workPlaces;
		this.casePages = casePages;
		this.queries = queries;
		var made = new ArrayList<CaseRow>();
		var statuses = CaseStatus.values();
		var channels = Channel.values();
		var lights = TrafficLight.values();
		for (var i = 0; i < WorkPlaceController.PAGE; i++) {
			var id = new CaseId(new UUID(0x2026L, i));
			var reported = NOON.minus(Duration.ofMinutes(37L * i));
			made.add(new CaseRow(id, "GR2026010500" + (1000 + i), "小区" + (i % 9 + 1) + "号楼东侧路灯不亮，夜间出行不便（第" + i + "条）",
					channels[i % channels.length], statuses[i % statuses.length], Tier.values()[i % Tier.values().length],
					i % 7 == 0 ? Urgency.URGENT : Urgency.NORMAL, "市政设施·路灯", "昌吉市宁边路街道建国社区",
					i % 3 == 0 ? "" : "市城市管理局", i % 4 == 0 ? "市住房和城乡建设局" : "",
					i % 11 == 0 ? new CaseId(new UUID(0x2026L, i + 1000)) : null, i % 13 == 0, lights[i % lights.length],
					(i % 5 - 2) * 97L, i % 6 == 0 ? null : reported.plus(Duration.ofDays(3)), reported, i % 8 == 0, i));
		}
		this.rows = List.copyOf(made);
		var last = rows.get(rows.size() - 1);
		this.next = new QueueCursor(last.dueAt(), last.reportedAt(), last.id());
	}

	/**
	 * The pages of a signed-in dispatcher and department read from the database as their requests read them, for
	 * made-up actors who are no account (decision 0026, amended 2026-12-07): every tab of the workbench and its next
	 * pages ({@value #MORE_PAGES}, each from its cursor's text as a "show more" request parses it; more13) for a
	 * dispatcher of the whole country, every tab of the inbox for a department that does not exist (no
	 * rows: the statements alone), the case page and the API's JSON of the first case the workbench shows. What runs is
	 * the pages' own code below the web layer — the queue statements on a pooled connection (prepared on the server
	 * from their fifth use), the row mapping, the caches of names and calendars, the case page's reads and choices —
	 * and what is read is rendered and thrown away: nothing is written, nothing is shown to anyone.
	 */
	@Override
	public void rehearseReads(Stage stage) {
		CaseId first = null;
		var moreOf = new ArrayList<String>();
		var firsts = new ArrayList<CaseId>();
		for (var queue : Queue.workbench()) {
			var rows = workPlaces.rows(DISPATCHER, "workbench", queue, null, null, WorkPlaceController.PAGE);
			stage.render("cases/queuePage", new QueuePageView("workbench", Queue.workbench(), queue, rows, ""));
			var more = rows;
			for (var depth = 0; depth < MORE_PAGES && more.next() != null; depth++) {
				// every page followed here is asked for signed in too (pages22: the bench's "show more" goes on from
				// a cursor of a "show more" page, up to 5 deep; until then only each tab's first one was asked for)
				moreOf.add(more.moreUri());
				more = workPlaces.rows(DISPATCHER, "workbench", queue, null, followed(more.next()),
						WorkPlaceController.PAGE);
				stage.render("cases/queueNextRows", more);
			}
			if (!rows.rows().isEmpty()) {
				firsts.add(rows.rows().get(0).id());
				if (first == null) {
					first = rows.rows().get(0).id();
				}
			}
			stage.json(queries.list(DISPATCHER, new CaseFilter(queue.filter().statuses(), null, false, null), 100));
		}
		for (var queue : Queue.inbox()) {
			stage.render("cases/queuePage", new QueuePageView("inbox", Queue.inbox(), queue,
					workPlaces.rows(DEPARTMENT, "inbox", queue, null, null, WorkPlaceController.PAGE), ""));
		}
		if (first != null) {
			var page = casePages.view(DISPATCHER, first);
			stage.render("cases/casePage", page);
			stage.json(page.c());
		}
		if (requests.isEmpty()) {
			requests = signedIn(firsts, moreOf);
		}
	}

	/** The signed-in requests, known after the first read round (a real case, a real cursor); empty before. */
	private volatile List<SelfRequest> requests = List.of();

	@Override
	public List<SelfRequest> requests() {
		return requests;
	}

	/**
	 * The pages the bench and people ask for, as the rehearsal asks the node for them signed in (decision 0039),
	 * interleaved so that each round's few cover different kinds: each workbench tab (HTML), its "show more" pages
	 * (htmx, each page the reads followed: {@value #MORE_PAGES} deep), each tab's API list (JSON), each inbox tab, the
	 * case page and its JSON of each tab's first case (cases in different states: the case page's choices differ with
	 * it).
	 */
	static List<SelfRequest> signedIn(List<CaseId> cases, List<String> more) {
		var dispatcher = "DISPATCHER";
		var kinds = new ArrayList<List<SelfRequest>>();
		kinds.add(Queue.workbench().stream()
			.map(q -> new SelfRequest("/cases/workbench?queue=" + q.name(), dispatcher, false, false)).toList());
		kinds.add(Queue.inbox().stream()
			.map(q -> new SelfRequest("/cases/inbox?queue=" + q.name(), "DEPARTMENT_HANDLER", false, false)).toList());
		kinds.add(more.stream().map(path -> new SelfRequest(path, dispatcher, false, true)).toList());
		kinds.add(Queue.workbench().stream()
			.map(q -> new SelfRequest("/api/cases?limit=100" + q.filter().statuses().stream().map(s -> "&status=" + s.name())
				.sorted()
				.collect(java.util.stream.Collectors.joining()), dispatcher, true, false))
			.toList());
		kinds.add(cases.stream().map(c -> new SelfRequest("/cases/" + c.id(), dispatcher, false, false)).toList());
		kinds.add(cases.stream().map(c -> new SelfRequest("/api/cases/" + c.id(), dispatcher, true, false)).toList());
		var interleaved = new ArrayList<SelfRequest>();
		var longest = kinds.stream().mapToInt(List::size).max().orElse(0);
		for (var i = 0; i < longest; i++) {
			for (var kind : kinds) {
				if (!kind.isEmpty()) {
					interleaved.add(kind.get(i % kind.size()));
				}
			}
		}
		return List.copyOf(interleaved);
	}

	/**
	 * How many "show more" pages a rehearsed tab follows: the second goes on from a cursor of a page that itself began
	 * at one, as a person's clicks do.
	 */
	static final int MORE_PAGES = 2;

	/**
	 * The cursor as a "show more" request gets it: the link carries {@link QueueCursor#toString()} and the request
	 * parses it back ({@link WorkPlaceController}'s rows), so the rehearsal parses it too — the instants' and the id's
	 * parsers are code no other page runs (more13: compiled in the first measured "show more" requests without this).
	 */
	static QueueCursor followed(QueueCursor next) {
		return QueueCursor.parse(next.toString());
	}

	@Override
	public void rehearse(Stage stage) {
		stage.render("cases/queuePage", new QueuePageView("workbench", Queue.workbench(), Queue.NEW,
				new QueueRowsView("workbench", Queue.NEW, rows, next, null, true), ""));
		stage.render("cases/queuePage", new QueuePageView("inbox", Queue.inbox(), Queue.inbox().get(0),
				new QueueRowsView("inbox", Queue.inbox().get(0), rows, next, null, false), ""));
		stage.render("cases/queueNextRows", new QueueRowsView("workbench", Queue.IN_PROGRESS_QUEUE, rows,
				followed(next), null, false));
		stage.json(rows);
	}

}
