package io.grassroots.shared.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Rehearses the work pages a fixed number of rounds before the node reports ready (an {@link ApplicationRunner}:
 * readiness turns to accepting traffic only after it), on the start's own thread, and logs what it took;
 * {@code grassroots.pages.rehearsals} rounds (0: none). Each round
 * <ul>
 * <li>in the first {@code grassroots.pages.rehearsal-reads} rounds only, reads every module's pages from the database
 * for made-up actors ({@link PageRehearsal#rehearseReads}; decision 0026, amended 2026-12-07 and by pages13);</li>
 * <li>renders every module's rehearsed pages ({@link PageRehearsal}) with made-up rows for a made-up console user who
 * holds every role, in Chinese, and writes the rows as JSON: the per-row code of the templates and of the JSON;</li>
 * <li>asks the node itself, over loopback HTTP and without an account, for the sign-in page, a work page (answered
 * with the way to sign in) and the cases API (answered 401): the per-request code every page runs — Tomcat, the
 * request meters' filter, the security filter chain, the dispatcher, a template view, a problem's JSON — which in a
 * flight recording of a new node's first requests is most of the request threads' uncompiled time.</li>
 * </ul>
 * Nothing is written to the database and no account is used; the self-requests are counted in the server's request
 * metrics like any other (status 200, 302 and 401). Decision 0026, amended 2026-12-06 late, says what it covers,
 * what it costs at start and what it does not do.
 * <p>
 * With {@code grassroots.pages.rehearse-after-ready} (the embedded demo's setting, decision 0036) the same rounds run
 * instead on a thread of their own once the node accepts traffic ({@link ReadinessState#ACCEPTING_TRAFFIC}), so the start does not wait
 * for them; they stop early when the node stops. Either way a {@link PagesRehearsed} event says when they are over.
 */
@Component
class StartupRehearsal implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StartupRehearsal.class);

	private final List<PageRehearsal> rehearsals;

	private final TemplateEngine templates;

	private final JsonMapper json;

	private final UiFactory ui;

	/** What a round asks the node itself for: the sign-in page, a work page without an account, the API without one. */
	static final List<String> PATHS = List.of("/login", "/cases/workbench?queue=NEW", "/api/cases?status=DISPATCHED");

	private final int rounds;

	/** The first rounds that also read the pages from the database ({@link PageRehearsal#rehearseReads}). */
	private final int readRounds;

	private final Environment environment;

	/** The rounds run after the node is ready, on {@link #THREAD}, instead of before (decision 0036). */
	private final boolean afterReady;

	private final ApplicationEventPublisher events;

	/** The thread of the rounds run after ready. */
	static final String THREAD = "pages-rehearsal";

	private volatile boolean stopping;

	private volatile Thread running;

	private final AtomicBoolean launched = new AtomicBoolean();

	private final RehearsalPass pass;

	/** How many requests to itself may time out before the rehearsal stops asking (a connect timeout stops it at once). */
	static final int MAX_TIMEOUTS = 3;

	/** How many of the modules' signed-in requests ({@link PageRehearsal#requests}) each read round asks for. */
	static final int SIGNED_IN_PER_ROUND = 6;

	StartupRehearsal(List<PageRehearsal> rehearsals, TemplateEngine templates, JsonMapper json, UiFactory ui,
			Environment environment, ApplicationEventPublisher events, RehearsalPass pass,
			@Value("${grassroots.pages.rehearsals:0}") int rounds,
			@Value("${grassroots.pages.rehearsal-reads:0}") int readRounds,
			@Value("${grassroots.pages.rehearse-after-ready:false}") boolean afterReady) {
		this.environment = environment;
		this.events = events;
		this.afterReady = afterReady;
		this.rehearsals = List.copyOf(rehearsals);
		this.templates = templates;
		this.json = json;
		this.ui = ui;
		this.rounds = rounds;
		this.readRounds = Math.min(readRounds, rounds);
		this.pass = pass;
		if (rounds <= 0 || this.rehearsals.isEmpty()) {
			pass.close();
		}
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!afterReady) {
			rehearse();
		}
	}

	@EventListener
	void rehearseOnceReady(AvailabilityChangeEvent<ReadinessState> readiness) {
		if (afterReady && readiness.getState() == ReadinessState.ACCEPTING_TRAFFIC && launched.compareAndSet(false, true)
				&& rounds > 0 && !rehearsals.isEmpty()) {
			var thread = new Thread(this::rehearse, THREAD);
			thread.setDaemon(true);
			running = thread;
			log.info("Pages rehearsal started after ready: {} rounds on the {} thread", rounds, THREAD);
			thread.start();
		}
	}

	/** The node stops: rounds after ready end with the round they are in (at most a few seconds' wait). */
	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		var thread = running;
		if (thread != null) {
			thread.join(5_000);
		}
	}

	private void rehearse() {
		if (rounds <= 0 || rehearsals.isEmpty()) {
			return;
		}
		var threads = ManagementFactory.getThreadMXBean();
		var cpu = threads.getCurrentThreadCpuTime();
		var process = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
		var processCpu = process.getProcessCpuTime();
		var started = System.nanoTime();
		var stage = new Stage(templates, json, ui.rehearsal(Locale.SIMPLIFIED_CHINESE));
		var port = environment.getProperty("local.server.port", Integer.class, 0);
		// One cookie jar: the rehearsal's requests share one session (the sign-in page's CSRF token, the saved request
		// of a work page) instead of leaving a session per request on the node.
		HttpClient http = port > 0 ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(2))
			.build() : null;
		var answered = 0;
		var signedIn = 0;
		var timeouts = 0;
		var done = 0;
		try {
			for (var round = 0; round < rounds && !stopping; round++, done++) {
				for (var rehearsal : rehearsals) {
					rehearsal.rehearse(stage);
					if (round < readRounds) {
						rehearsal.rehearseReads(stage);
					}
				}
				if (http != null) {
					try {
						for (var path : PATHS) {
							answered += ask(http, port, path);
						}
						if (round < readRounds) {
							signedIn += askSignedIn(http, port, round);
						}
					}
					catch (HttpTimeoutException e) {
						// The node slow to answer itself (a busy host; a first request's compilation): the round's
						// other requests are skipped and the next round asks again, up to MAX_TIMEOUTS times (pages22:
						// one timeout at start on a loaded host ended every request of the rehearsal, signed in or not)
						if (e instanceof HttpConnectTimeoutException || ++timeouts >= MAX_TIMEOUTS) {
							log.info("Pages rehearsed without requests from round {}: {}", round, e.toString());
							http = null;
						}
					}
					catch (IOException e) {
						// The node's own port not reachable over plain HTTP on loopback (TLS, a firewall): the rounds
						// go on rendering the pages without the requests.
						log.info("Pages rehearsed without requests: {}", e.toString());
						http = null;
					}
				}
			}
		}
		catch (RuntimeException e) {
			// A rehearsal is only ever a head start for the compilers: its failure must not keep the node from serving.
			log.warn("Pages rehearsal stopped early", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			pass.close();
		}
		log.info("Pages rehearsed{}: {} rounds of {} modules' pages, {} of them with their reads ({} KB), and {} requests"
				+ " to the node itself ({} of them signed in), in {} ms (CPU: the {} thread {} ms, the whole process {} ms)",
				afterReady ? " after ready" : "", done, rehearsals.size(), Math.min(done, readRounds),
				stage.bytes / 1024, answered + signedIn, signedIn, (System.nanoTime() - started) / 1_000_000,
				afterReady ? "rehearsal's" : "start's", (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
				(process.getProcessCpuTime() - processCpu) / 1_000_000);
		events.publishEvent(new PagesRehearsed(done, afterReady));
		running = null;
	}

	/**
	 * This round's share of the modules' signed-in requests ({@link PageRehearsal#requests}, decision 0039): {@value
	 * #SIGNED_IN_PER_ROUND} of them, going on round by round where the round before stopped, so that every page kind,
	 * tab, "show more" page and case page, HTML, htmx and JSON, is asked for a few times over the read rounds. Answers
	 * how many were asked.
	 */
	private int askSignedIn(HttpClient http, int port, int round) throws IOException, InterruptedException {
		var all = new java.util.ArrayList<PageRehearsal.SelfRequest>();
		for (var rehearsal : rehearsals) {
			all.addAll(rehearsal.requests());
		}
		if (all.isEmpty()) {
			return 0;
		}
		for (var i = 0; i < SIGNED_IN_PER_ROUND; i++) {
			var wanted = all.get((round * SIGNED_IN_PER_ROUND + i) % all.size());
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + wanted.path()))
				.header("Accept-Language", "zh-CN")
				.header("Authorization", pass.header(wanted.role()))
				.timeout(Duration.ofSeconds(10));
			// JSON asked for as the API's clients do; HTML as a browser does, or with no Accept at all, every other round
			if (wanted.json()) {
				request.header("Accept", "application/json");
			}
			else if (round % 2 == 0) {
				request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
			}
			if (wanted.htmx()) {
				request.header("HX-Request", "true");
			}
			http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		return SIGNED_IN_PER_ROUND;
	}

	/** One request to the node itself; the answer is read and dropped. Answers 1. */
	private static int ask(HttpClient http, int port, String path) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
			.header("Accept-Language", "zh-CN")
			.timeout(Duration.ofSeconds(10))
			.build();
		http.send(request, HttpResponse.BodyHandlers.discarding());
		return 1;
	}

	/** Renders as {@link TemplateViews.Utf8View} does, into a buffer that is dropped. */
	static final class Stage implements PageRehearsal.Stage {

		private final TemplateEngine templates;

		private final JsonMapper json;

		private final Ui ui;

		private long bytes;

		Stage(TemplateEngine templates, JsonMapper json, Ui ui) {
			this.templates = templates;
			this.json = json;
			this.ui = ui;
		}

		@Override
		public int render(String template, Object view) {
			var output = new Utf8ByteOutput();
			templates.render(template + ".jte", Map.of("ui", ui, "view", view), output);
			bytes += output.getContentLength();
			return output.getContentLength();
		}

		@Override
		public int json(Object value) {
			var written = json.writeValueAsBytes(value).length;
			bytes += written;
			return written;
		}

	}

}
