package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.identity.Actor;
import io.grassroots.region.DepartmentKind;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Work queues come a page at a time (decision cases-11): each page reads on from the last row of the one before, in
 * the queue's order, so walking the pages shows every case of the queue once, in the order of the whole queue.
 */
@IntegrationTest
class QueuePagesTests {

	private static final Comparator<CaseRow> QUEUE_ORDER = Comparator
		.comparing(CaseRow::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
		.thenComparing(CaseRow::reportedAt, Comparator.reverseOrder())
		.thenComparing(r -> r.id().id());

	private static final Pattern ROW = Pattern.compile("id=\"row-([0-9A-Z]{14}|[0-9A-Z]{10})\"");

	private static final Pattern MORE = Pattern.compile("hx-get=\"(/cases/places/[^\"]*after=[^\"]*)\"");

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTesting testing;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aStreetsPagesFollowOneAnotherWithoutGapsOrRepeatsAcrossCasesWithAndWithoutADeadline() {
		var dispatcher = testing.demo("dispatcher");
		var every = new CaseFilter(java.util.Set.of(), null, false, null);
		var whole = queries.list(dispatcher, every, 500);
		assertThat(whole).extracting(CaseRow::dueAt).contains((Instant) null);
		assertThat(whole).anyMatch(r -> r.dueAt() != null);

		var walked = walk(dispatcher, every, 7, whole.size());

		assertThat(walked).extracting(CaseRow::id).containsExactlyElementsOf(whole.stream().map(CaseRow::id).toList());
		assertThat(walked).isSortedAccordingTo(QUEUE_ORDER);
	}

	@Test
	void aDepartmentsPagesReadOnThroughTheOrdersItLeadsAndTheCasesItAssistsOn() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var ecology = testing.department(DepartmentKind.ECOLOGY_ENVIRONMENT);
		for (var i = 0; i < 3; i++) {
			var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
			c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false,
					null);
			cases.dispatch(dispatcher, c.id(), c.version(), i % 2 == 0 ? market.id() : ecology.id(),
					List.of(i % 2 == 0 ? ecology.id() : market.id()), null);
		}
		var handler = CaseTesting.handlerOf(ecology);
		var dispatched = CaseFilter.of(CaseStatus.DISPATCHED);
		var whole = queries.list(handler, dispatched, 500);
		assertThat(whole).hasSizeGreaterThanOrEqualTo(3);

		var walked = walk(handler, dispatched, 1, whole.size());

		assertThat(walked).extracting(CaseRow::id).containsExactlyElementsOf(whole.stream().map(CaseRow::id).toList());
		assertThat(walked).isSortedAccordingTo(QUEUE_ORDER);
	}

	@Test
	void casesWithTheSameDeadlineAndReportTimeAreEachShownOnceWhenAPageEndsAmongThem() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var ecology = testing.department(DepartmentKind.ECOLOGY_ENVIRONMENT);
		var tied = new ArrayList<CaseId>();
		for (var i = 0; i < 7; i++) {
			var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
			c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false,
					null);
			// most led by the market department, some assisted by it: both of its sources hold tied rows
			cases.dispatch(dispatcher, c.id(), c.version(), i % 3 == 0 ? ecology.id() : market.id(),
					i % 3 == 0 ? List.of(market.id()) : List.of(), null);
			tied.add(c.id());
		}
		var reported = Timestamp.from(Instant.now().minusSeconds(3_600).truncatedTo(ChronoUnit.MILLIS));
		var due = Timestamp.from(Instant.now().plusSeconds(86_400).truncatedTo(ChronoUnit.MILLIS));
		// one by one, the last id first: the new row versions lie in the table (and the index's equal keys) against
		// the order of the ids, so a read that stopped after a page without ordering the ties would keep the wrong ones
		for (var id : tied.stream().map(CaseId::id).sorted(UNSIGNED.reversed()).toList()) {
			jdbc.sql("update cases_case set reported_at = :reported, due_at = :due where id = :id")
				.param("reported", reported).param("due", due).param("id", id).update();
			jdbc.sql("update cases_assist set case_reported_at = :reported, case_due_at = :due where case_id = :id")
				.param("reported", reported).param("due", due).param("id", id).update();
		}
		var handler = CaseTesting.handlerOf(market);
		var dispatched = CaseFilter.of(CaseStatus.DISPATCHED);
		var whole = queries.list(handler, dispatched, 500);
		assertThat(whole).extracting(CaseRow::id).containsAll(tied);

		for (var size : List.of(1, 2, 3, 4)) {
			var walked = walk(handler, dispatched, size, whole.size());

			assertThat(walked).as("pages of %d", size).extracting(CaseRow::id)
				.containsExactlyElementsOf(whole.stream().map(CaseRow::id).toList());
		}
		var tiedInOrder = whole.stream().filter(r -> tied.contains(r.id())).toList();
		assertThat(tiedInOrder).hasSize(tied.size()).extracting(CaseRow::reportedAt).containsOnly(reported.toInstant());
		assertThat(tiedInOrder).extracting(r -> r.id().id()).isSortedAccordingTo(UNSIGNED);
	}

	/** The order of UUIDs in the databases: byte by byte, unsigned. */
	private static final Comparator<java.util.UUID> UNSIGNED = Comparator
		.<java.util.UUID>comparingLong(u -> u.getMostSignificantBits() ^ Long.MIN_VALUE)
		.thenComparingLong(u -> u.getLeastSignificantBits() ^ Long.MIN_VALUE);

	@Test
	void theExtensionsTabHoldsTheStreetsCasesWaitingForAnExtensionDecisionUntilItIsDecided() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var lead = CaseTesting.handlerOf(market);
		var asking = new ArrayList<CaseSummary>();
		for (var i = 0; i < 3; i++) {
			var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
			c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false,
					null);
			c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(), null);
			c = cases.claim(lead, c.id(), c.version());
			if (i < 2) {
				c = cases.requestExtension(lead, c.id(), c.version(), TimeLimit.workingDays(3), "需要联合执法");
				asking.add(c);
			}
			else {
				asking.add(null);
				var notAsking = c.id();
				assertThat(queries.list(dispatcher, extensions(), 500)).extracting(CaseRow::id).doesNotContain(notAsking);
			}
		}
		var pending = queries.list(dispatcher, extensions(), 500);
		assertThat(pending).extracting(CaseRow::id).contains(asking.get(0).id(), asking.get(1).id());
		assertThat(pending).allMatch(r -> r.status() == CaseStatus.IN_PROGRESS && r.extensionPending());
		assertThat(pending).isSortedAccordingTo(QUEUE_ORDER);

		cases.decideExtension(dispatcher, asking.get(0).id(), asking.get(0).version(), true, null);
		cases.decideExtension(dispatcher, asking.get(1).id(), asking.get(1).version(), false, "按期办结");

		assertThat(queries.list(dispatcher, extensions(), 500)).extracting(CaseRow::id)
			.doesNotContain(asking.get(0).id(), asking.get(1).id());
		assertThat(queries.list(dispatcher, CaseFilter.of(CaseStatus.IN_PROGRESS), 500)).extracting(CaseRow::id)
			.contains(asking.get(0).id(), asking.get(1).id());
	}

	private static CaseFilter extensions() {
		return new CaseFilter(java.util.Set.of(CaseStatus.IN_PROGRESS), null, true, null);
	}

	@Test
	void theLastPageSaysThereIsNoMore() {
		var dispatcher = testing.demo("dispatcher");
		var every = new CaseFilter(java.util.Set.of(), null, false, null);
		var whole = queries.list(dispatcher, every, 500);

		var page = queries.page(dispatcher, every, null, whole.size());

		assertThat(page.rows()).hasSize(whole.size());
		assertThat(page.next()).isNull();
		assertThat(queries.page(dispatcher, every, null, whole.size() - 1).next()).isNotNull();
	}

	@Test
	void aCursorSurvivesTheRequestParameterAndAMalformedOneIsRefused() {
		var cursor = new QueueCursor(Instant.parse("2026-12-03T08:00:00.123456Z"),
				Instant.parse("2026-12-01T02:03:04.5Z"), CaseId.of("6b8f0c4e-8f0a-4c55-9a4e-0d6f5f1d2e3a"));
		assertThat(QueueCursor.parse(cursor.toString())).isEqualTo(cursor);
		var withoutDeadline = new QueueCursor(null, cursor.reportedAt(), cursor.id());
		assertThat(QueueCursor.parse(withoutDeadline.toString())).isEqualTo(withoutDeadline);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> QueueCursor.parse("yesterday"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> QueueCursor.parse("-_2026-12-01T02:03:04Z_not-a-uuid"));
	}

	@Test
	void aWorkPlaceShowsFiftyRowsAndShowMoreBringsTheNextFiftyIntoTheTable() throws Exception {
		var supervisor = user(accounts.loadUserByUsername("supervisor"));
		var whole = queries.list(testing.demo("supervisor"), new CaseFilter(java.util.Set.of(), null, false, null), 500);
		assertThat(whole).hasSizeGreaterThan(60);

		var first = mvc.perform(get("/cases").with(supervisor)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		var more = MORE.matcher(first);
		assertThat(more.find()).as("a show-more button on the first page").isTrue();
		var next = mvc.perform(get(java.net.URI.create(more.group(1).replace("&amp;", "&"))).header("HX-Request", "true").with(supervisor))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		var codes = whole.stream().map(CaseRow::trackingCode).toList();
		assertThat(codes(first)).containsExactlyElementsOf(codes.subList(0, 50));
		assertThat(codes(next)).containsExactlyElementsOf(codes.subList(50, Math.min(100, codes.size())));
		assertThat(next).doesNotContain("<table");
		var refreshed = mvc.perform(get("/cases/places/search/rows").param("queue", "ALL").param("shown", "60")
			.header("HX-Request", "true").with(supervisor)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(codes(refreshed)).containsExactlyElementsOf(codes.subList(0, 60));
		mvc.perform(get("/cases/places/search/rows").param("queue", "ALL").param("after", "nonsense")
			.header("HX-Request", "true").with(supervisor)).andExpect(status().isBadRequest());
	}

	/** The queue's rows page by page, up to {@code most} of them (the whole queue when it holds fewer). */
	private List<CaseRow> walk(Actor actor, CaseFilter filter, int size, int most) {
		var rows = new ArrayList<CaseRow>();
		QueueCursor after = null;
		do {
			var page = queries.page(actor, filter, after, size);
			assertThat(page.rows()).hasSizeLessThanOrEqualTo(size);
			rows.addAll(page.rows());
			after = page.next();
		}
		while (after != null && rows.size() < most);
		return rows.size() > most ? rows.subList(0, most) : rows;
	}

	private static List<String> codes(String html) {
		var codes = new ArrayList<String>();
		var m = ROW.matcher(html);
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

}
