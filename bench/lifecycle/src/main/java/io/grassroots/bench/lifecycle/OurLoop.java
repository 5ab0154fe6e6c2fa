package io.grassroots.bench.lifecycle;

import java.util.HashMap;
import java.util.List;

import io.grassroots.GrassrootsApplication;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.Channel;
import io.grassroots.cases.Intake;
import io.grassroots.cases.Rating;
import io.grassroots.cases.Urgency;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.identity.AccountProvisioning;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.DataScope;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.Departments;
import io.grassroots.shared.RegionCode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The product itself: its Spring application context (Flyway migrations, the Changji demo data for regions,
 * departments, grids, calendar and accounts) on its own database, driven through {@link CaseManagement}, the
 * service the console and the API call, with the demo accounts of the loop (dispatcher, department handler, grid
 * worker) and a resident rating on the tracking page. The deadline sweep and the webhook dispatcher are switched
 * off so that only the loop runs.
 */
final class OurLoop implements Loop {

	static final RegionCode WEST_STREET = RegionCode.of("652301001001");

	private final Postgres postgres;

	private final String database;

	private ConfigurableApplicationContext context;

	private CaseManagement cases;

	private Actor dispatcher;

	private Actor handler;

	private Actor gridWorker;

	private DepartmentId market;

	private final Steps steps = new Steps();

	private final ReportPoints points;

	OurLoop(Postgres postgres, String database, ReportPoints points) {
		this.points = points;
		this.postgres = postgres;
		this.database = database;
	}

	@Override
	public String name() {
		return "ours";
	}

	@Override
	public String database() {
		return database;
	}

	@Override
	public void start() {
		var properties = new HashMap<String, Object>();
		properties.put("spring.datasource.url", postgres.url(database));
		properties.put("spring.datasource.username", postgres.user());
		properties.put("spring.datasource.password", "");
		// the node's pool (default 10; -Dbench.ours.pool=N to try another size)
		properties.put("spring.datasource.hikari.maximum-pool-size", Integer.getInteger("bench.ours.pool", 10).toString());
		properties.put("grassroots.demo.enabled", "true");
		properties.put("grassroots.supervision.sweep-enabled", "false");
		properties.put("grassroots.notification.dispatch-enabled", "false");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.io.grassroots", "WARN");
		// as command-line arguments: they win over the application's own application.properties
		var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		context = new SpringApplicationBuilder(GrassrootsApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args);
		cases = context.getBean(CaseManagement.class);
		// -Dbench.ours.caseFillfactor=N: cases_case's fillfactor set to N after the migrations (which set 90), to
		// measure another; a catalogue change, read by every later INSERT and by every UPDATE that leaves its page
		var fillfactor = Integer.getInteger("bench.ours.caseFillfactor");
		if (fillfactor != null) {
			context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("alter table cases_case set (fillfactor = " + fillfactor + ")")
				.update();
			System.out.println("ours: cases_case fillfactor set to " + fillfactor);
		}
		if (points == ReportPoints.COMMUNITY) {
			// cases all over 西街社区: its grid worker covers the community, the scope the identity demo data gives
			// the account before the grid demo data moves it into the community's first grid
			context.getBean(AccountProvisioning.class)
				.rescope("gridworker", DataScope.Kind.REGION, WEST_STREET.value());
		}
		dispatcher = demo("dispatcher");
		handler = demo("handler");
		gridWorker = demo("gridworker");
		market = context.getBean(Departments.class).suggest(WEST_STREET, DepartmentKind.MARKET_SUPERVISION)
			.orElseThrow()
			.id();
	}

	/** The actor of a demo account, as the console builds it for a signed-in user. */
	private Actor demo(String username) {
		var principal = context.getBean(UserDetailsService.class).loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
		try {
			return context.getBean(CurrentUser.class).actor();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Override
	public void lifecycle(long n) throws Exception {
		var reported = steps.time("report", () -> cases.report(dispatcher, report(n)));
		var filed = steps.time("file", () -> cases.file(dispatcher, reported.id(), reported.version(),
				reported.category(), Urgency.NORMAL, false, null));
		var dispatched = steps.time("dispatch",
				() -> cases.dispatch(dispatcher, filed.id(), filed.version(), market, List.of(), null));
		var claimed = steps.time("claim", () -> cases.claim(handler, dispatched.id(), dispatched.version()));
		var back = steps.time("reportBack",
				() -> cases.reportBack(handler, claimed.id(), claimed.version(), "已劝离摊贩并宣传教育", List.of()));
		var closed = steps.time("verify",
				() -> cases.verify(gridWorker, back.id(), back.version(), true, "现场已无摊贩", List.of()));
		var evaluated = steps.time("evaluateByResident",
				() -> cases.evaluateByResident(closed.trackingCode(), Rating.SATISFIED, true, "谢谢"));
		if (evaluated.status() != CaseStatus.EVALUATED) {
			throw new IllegalStateException("case " + evaluated.id() + " ended " + evaluated.status());
		}
		if (LifecycleBench.readBackInCost) {
			context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("select version from cases_case where id = ?")
				.param(evaluated.id().id())
				.query(Long.class)
				.single();
		}
	}

	@Override
	public Steps steps() {
		return steps;
	}

	/**
	 * A phone report of an unlicensed street vendor in 西街社区, with the reporter's name and phone number, at the
	 * n-th point ({@link ReportPoints}).
	 */
	private Intake report(long n) {
		var point = points.of(n);
		return new Intake(Channel.PHONE, "无照游商占道 " + n, "延安北路与北京南路交叉口有流动摊贩占道经营",
				new CategoryKey("CJT214", "E0501"), Urgency.NORMAL, point[0], point[1], CoordinateSystem.WGS84, "延安北路",
				WEST_STREET, "张三", "13912345678", false, false, null, List.of());
	}

	@Override
	public String check() {
		return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select status || ': ' || count(*) from cases_case where title like '无照游商占道 %' group by status")
			.query(String.class)
			.list()
			.toString();
	}

	@Override
	public void close() {
		if (context != null) {
			context.close();
		}
	}

}
