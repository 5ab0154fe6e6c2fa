package io.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before the node reports ready it rehearses the work pages (decision 0026, amended 2026-12-06 late): every module's
 * rehearsed pages render their made-up rows for a console user, and the node asks itself over loopback for the
 * sign-in page, a work page and the API without an account, as many rounds as configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "grassroots.pages.rehearsals=3", "grassroots.pages.rehearsal-reads=2",
			"grassroots.pages.rehearse-after-ready=false" })
@Tag("database")
class StartupRehearsalTests {

	@Autowired
	List<PageRehearsal> rehearsals;

	@Autowired
	TemplateEngine templates;

	@Autowired
	JsonMapper json;

	@Autowired
	UiFactory ui;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWorkPagesRenderTheirMadeUpRowsForAConsoleUserWithTheNavigation() {
		var pages = new ArrayList<String>();
		var written = new ArrayList<String>();
		var user = ui.rehearsal(Locale.SIMPLIFIED_CHINESE);
		rehearse(user, pages, written, false);
		assertThat(user.authenticated()).isTrue();
		assertThat(user.navigation()).isNotEmpty();
		// (the made-up rows only: the reads are rehearsed apart, below)
		assertThat(pages).hasSize(3);
		// the workbench and the inbox: the whole console page with its navigation, 50 rows and "show more"
		assertThat(pages.get(0)).contains("<html", "id=\"case-rows\"", "GR20260105001000", "GR20260105001049",
				"/cases/places/workbench/rows?queue=NEW&amp;after=");
		assertThat(pages.get(1)).contains("<html", "GR20260105001049", "/cases/places/inbox/rows?queue=");
		// "show more": the next rows only
		assertThat(pages.get(2)).doesNotContain("<html").contains("GR20260105001000", "GR20260105001049");
		assertThat(json.readTree(written.get(0)).size()).isEqualTo(50);
	}

	@Test
	void theWorkPagesAreAlsoRehearsedWithTheirReadsWhichWriteNothing() {
		var pages = new ArrayList<String>();
		var written = new ArrayList<String>();
		var entries = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
		var cases = jdbc.sql("select count(*) from cases_case where version > 0").query(Long.class).single();
		rehearse(ui.rehearsal(Locale.SIMPLIFIED_CHINESE), pages, written, true);
		var read = pages.subList(3, pages.size());
		// every tab of the workbench (a dispatcher of the whole country, reading the demo cases), each whole page
		var workbench = read.stream()
			.filter(p -> p.contains("<html") && p.contains("/cases/places/workbench/rows?queue="))
			.toList();
		assertThat(workbench).hasSize(WORKBENCH_TABS).anySatisfy(p -> assertThat(p).contains("id=\"row-"));
		// every tab of the inbox, for a department that does not exist: the page without a row
		var inbox = read.stream().filter(p -> p.contains("/cases/places/inbox/rows?queue=")).toList();
		assertThat(inbox).hasSize(5)
			.allSatisfy(p -> assertThat(p).contains("<html", "id=\"queue-empty\"").doesNotContain("id=\"row-"));
		// the API's lists of the workbench's tabs, then the case page and its JSON of the first case the tabs show
		var lists = written.subList(1, 1 + WORKBENCH_TABS).stream().map(json::readTree).toList();
		var first = lists.stream().filter(l -> !l.isEmpty()).findFirst().orElseThrow().get(0);
		var caseJson = json.readTree(written.get(written.size() - 1));
		assertThat(caseJson.get("summary").get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(read.get(read.size() - 1)).contains("<html", first.get("trackingCode").asString());
		// read and thrown away: no history entry, no case changed
		assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(entries);
		assertThat(jdbc.sql("select count(*) from cases_case where version > 0").query(Long.class).single())
			.isEqualTo(cases);
	}

	@Test
	@Transactional
	void showMoreIsRehearsedFromTheLinksCursorTwoPagesDeepWithTheRowsAfterThePageBefore() {
		// the demo's tabs hold less than a page: 120 copies of a listed case make its tab three pages long (rolled
		// back after the test)
		var source = jdbc.sql("select id from cases_case where status = 'DISPATCHED' order by reported_at desc")
			.query(UUID.class)
			.list()
			.get(0);
		var columns = jdbc.sql("select * from cases_case where id = :id")
			.param("id", source)
			.query((rs, n) -> {
				var names = new ArrayList<String>();
				for (var c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					names.add(rs.getMetaData().getColumnName(c).toLowerCase(Locale.ROOT));
				}
				return names;
			})
			.single();
		var copied = String.join(", ", columns.stream()
			.map(c -> c.equals("id") ? ":copy" : c.equals("tracking_code") ? ":code" : c)
			.toList());
		for (var n = 0; n < 120; n++) {
			jdbc.sql("insert into cases_case (" + String.join(", ", columns) + ") select " + copied
					+ " from cases_case where id = :id")
				.param("copy", UUID.randomUUID())
				.param("code", "MORE13" + (1000 + n))
				.param("id", source)
				.update();
		}
		var pages = new ArrayList<String>();
		rehearse(ui.rehearsal(Locale.SIMPLIFIED_CHINESE), pages, new ArrayList<>(), true);
		var read = pages.subList(3, pages.size());
		var followed = 0;
		for (var i = 1; i < read.size(); i++) {
			var page = read.get(i);
			if (page.contains("<html") || !page.contains("id=\"row-")) {
				continue;
			}
			// a "show more" fragment: it follows its tab's page (or the fragment before), and none of its rows is one
			// of that page's: it read on from the cursor parsed from the link's text
			var before = read.get(i - 1);
			assertThat(before).contains("/cases/places/workbench/rows?queue=", "&amp;after=");
			for (var row : ROW.matcher(page).results().map(m -> m.group()).toList()) {
				assertThat(before).doesNotContain(row);
			}
			followed++;
		}
		// the copies' tab: its second and third pages, and no further (its fourth page is not rehearsed)
		assertThat(followed).isEqualTo(2); // QueueRehearsal.MORE_PAGES, package-private in cases.web
	}

	private static final Pattern ROW = Pattern.compile("id=\"row-[A-Z0-9]+\"");

	/** The workbench's tabs ({@code cases.web.Queue.workbench()}, package-private there). */
	private static final int WORKBENCH_TABS = 9;

	private void rehearse(Ui user, List<String> pages, List<String> written, boolean reads) {
		for (var rehearsal : rehearsals) {
			var stage = new PageRehearsal.Stage() {
				@Override
				public int render(String template, Object view) {
					var output = new StringOutput();
					templates.render(template + ".jte", Map.of("ui", user, "view", view), output);
					pages.add(output.toString());
					return output.toString().length();
				}

				@Override
				public int json(Object value) {
					written.add(json.writeValueAsString(value));
					return written.get(written.size() - 1).length();
				}
			};
			rehearsal.rehearse(stage);
			if (reads) {
				rehearsal.rehearseReads(stage);
			}
		}
	}

	@Autowired
	CountingRehearsal counted;

	@Test
	void everyRoundRendersTheMadeUpRowsButOnlyTheFirstRoundsReadTheDatabase() {
		assertThat(counted.rounds).hasValue(3);
		assertThat(counted.reads).hasValue(2);
	}

	/** Counts the start's rounds (its own stage; the tests above call the rehearsals with theirs). */
	static final class CountingRehearsal implements PageRehearsal {

		final AtomicInteger rounds = new AtomicInteger();

		final AtomicInteger reads = new AtomicInteger();

		@Override
		public void rehearse(Stage stage) {
			if (stage instanceof StartupRehearsal.Stage) {
				rounds.incrementAndGet();
			}
		}

		@Override
		public void rehearseReads(Stage stage) {
			if (stage instanceof StartupRehearsal.Stage) {
				reads.incrementAndGet();
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		CountingRehearsal countingRehearsal() {
			return new CountingRehearsal();
		}

	}

	@Test
	void beforeItWasReadyTheNodeAskedItselfForTheSignInPageAWorkPageAndTheApiWithoutAnAccount() {
		// (a request the security chain answers has no handler, so no uri of its own in the metrics: its status says it)
		assertThat(requests("200")).isEqualTo(3 + 2 * StartupRehearsal.SIGNED_IN_PER_ROUND);
		// (and what the test below asked for after the rehearsal, if it ran first)
		assertThat(requests("302")).isEqualTo(3 + askedAfter.get());
		assertThat(requests("401")).isEqualTo(3 + askedAfter.get());
	}

	/** The requests {@link #onceTheRehearsalIsOverItsPassSignsNothingIn} made of each path (one answered 302, one 401). */
	private static final AtomicInteger askedAfter = new AtomicInteger();

	@Test
	void inItsReadRoundsItAlsoAskedForTheWorkPagesSignedInAsMadeUpActorsAndEachWasAnswered() {
		// decision 0039: 2 read rounds × 6 of the pages' signed-in requests, interleaved (workbench, inbox, API list …)
		assertThat(requests("200", "/cases/workbench")).isEqualTo(3);
		assertThat(requests("200", "/cases/inbox")).isEqualTo(3);
		assertThat(requests("200", "/api/cases")).isEqualTo(2);
		assertThat(requests("200", "/cases/{id}") + requests("200", "/api/cases/{id}")).isEqualTo(4);
		assertThat(meters.find("http.server.requests").tag("status", "403").timers()).isEmpty();
	}

	@Autowired
	RehearsalPass pass;

	@LocalServerPort
	int port;

	@Test
	void onceTheRehearsalIsOverItsPassSignsNothingIn() throws Exception {
		assertThat(pass.open()).isFalse();
		var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		askedAfter.incrementAndGet();
		for (var path : List.of("/cases/workbench?queue=NEW", "/api/cases")) {
			var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", pass.header("DISPATCHER"))
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).isIn(302, 401);
		}
	}

	private long requests(String status, String uri) {
		return meters.find("http.server.requests").tag("status", status).tag("uri", uri).timers().stream()
			.mapToLong(t -> t.count())
			.sum();
	}

	private long requests(String status) {
		return meters.find("http.server.requests").tag("status", status).timers().stream().mapToLong(t -> t.count()).sum();
	}

}
