package io.grassroots.shared;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads every {@link DemoData} step that this database has not seen yet, each in its own transaction, and logs
 * how far it is: each step's wall time and the CPU time of the thread that loaded it (on a busy machine the wall time
 * measures the load, the CPU time the step). On H2 the page cache is widened while steps load ({@link LoadPageCache}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final List<DemoData> steps;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoDataLoader(List<DemoData> steps, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions,
			Clock clock, @Value("${grassroots.demo.enabled:false}") boolean enabled) {
		this.steps = steps.stream().sorted(Comparator.comparingInt(DemoData::order)).toList();
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		var loaded = new HashSet<>(jdbc.sql("select name from shared_demo_step").query(String.class).list());
		if (steps.stream().allMatch(step -> loaded.contains(step.name()))) {
			return;
		}
		try (var cache = LoadPageCache.widen(template)) {
			var i = 0;
			for (var step : steps) {
				i++;
				if (!loaded.contains(step.name())) {
					log.info("Demo data {}/{}: {}", i, steps.size(), step.name());
					load(step);
				}
			}
		}
	}

	private void load(DemoData step) {
		var threads = ManagementFactory.getThreadMXBean();
		var started = System.nanoTime();
		var cpu = threads.getCurrentThreadCpuTime();
		transactions.executeWithoutResult(status -> {
			step.load();
			jdbc.sql("insert into shared_demo_step (name, loaded_at) values (:name, :at)")
				.param("name", step.name())
				.param("at", Timestamp.from(clock.instant()))
				.update();
		});
		log.info("Demo data {}: done in {} ms (CPU {} ms)", step.name(), (System.nanoTime() - started) / 1_000_000,
				(threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
	}

}
