package io.grassroots.bench.city;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;

import io.grassroots.GrassrootsApplication;
import io.grassroots.identity.AccountProvisioning;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the bench database and lets the product fill in what a city starts with: its Flyway migrations, the seed
 * (regions, categories, time limits, calendar) and the demo network of 昌吉 (departments, grids, households, demo
 * cases), by booting the product's own application context against it. Then opens the bench accounts through the
 * product's provisioning: a dispatcher and a grid worker for every street, a handler for every department.
 */
final class Setup {

	/** The development key of application.properties; the bench server is started with the same one. */
	static final String PERSONAL_DATA_KEY = "ZGV2LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24tdXNlISE=";

	static final String PASSWORD = "Bench-City-2026";

	private Setup() {
	}

	static String url(String host, int port, String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	static void recreate(String host, int port, String user, String database) throws SQLException {
		// A prefix and a name (bench_city, sweep_small: a worktree's scratch database), never a plain name such as the
		// product's own database or the tests' (test), which this would drop.
		if (!database.matches("[a-z]+_[a-z0-9_]+")) {
			throw new IllegalArgumentException("the bench database's name must be <prefix>_<name> (bench_city, sweep_small): "
					+ database);
		}
		try (var c = DriverManager.getConnection(url(host, port, "postgres"), user, "");
				var s = c.createStatement()) {
			s.execute("drop database if exists " + database + " with (force)");
			s.execute("create database " + database);
		}
	}

	/** Boots the product against the database (demo data on, no web server, no sweep) and returns it running. */
	static ConfigurableApplicationContext boot(String jdbcUrl, String user, boolean demo) {
		var properties = new HashMap<String, Object>();
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.datasource.username", user);
		properties.put("spring.datasource.password", "");
		properties.put("grassroots.demo.enabled", Boolean.toString(demo));
		properties.put("grassroots.personal-data.key", PERSONAL_DATA_KEY);
		properties.put("grassroots.supervision.sweep-enabled", "false");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.io.grassroots", "INFO");
		// As command-line arguments, which win over the product's application.properties.
		var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(GrassrootsApplication.class).web(WebApplicationType.NONE).run(args);
	}

	static void accounts(ConfigurableApplicationContext context, City city) {
		var provisioning = context.getBean(AccountProvisioning.class);
		var tx = context.getBean(TransactionTemplate.class);
		var todo = new ArrayList<Runnable>();
		for (var street : city.streets) {
			todo.add(() -> provisioning.ensure("bench-dispatcher-" + street, city.streetNames.get(street) + "调度员", PASSWORD,
					Set.of(Role.DISPATCHER), DataScope.Kind.REGION, street));
			todo.add(() -> provisioning.ensure("bench-grid-" + street, city.streetNames.get(street) + "网格员", PASSWORD,
					Set.of(Role.GRID_WORKER), DataScope.Kind.REGION, street));
		}
		for (var d : city.allDepartments) {
			todo.add(() -> provisioning.ensure(handler(d), d.name() + "处置员", PASSWORD,
					Set.of(Role.DEPARTMENT_HANDLER), DataScope.Kind.DEPARTMENT, d.region() + ":" + d.kind()));
		}
		todo.parallelStream().forEach(t -> tx.executeWithoutResult(s -> t.run()));
	}

	static String handler(City.Department d) {
		return "bench-handler-" + d.region().substring(0, 6) + "-" + d.kind().toLowerCase();
	}

}
