package io.grassroots.supervision;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline sweep on a schedule. ShedLock keeps one node sweeping at a time, which saves work; correctness
 * does not depend on it (see {@link DeadlineSweep}). The lock's expiry is the database's clock (nodes whose clocks
 * disagree still agree on it); a node killed while sweeping holds it until
 * {@code grassroots.supervision.sweep-lock-at-most-for} (default two minutes) has passed, then another node sweeps
 * the window from the watermark.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT2M")
class SupervisionScheduling {

	@Bean
	LockProvider supervisionLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("supervision_lock")
			.usingDbTime()
			.build());
	}

	@Component
	@ConditionalOnProperty(name = "grassroots.supervision.sweep-enabled", havingValue = "true", matchIfMissing = true)
	static class ScheduledSweep {

		private final DeadlineSweep sweep;

		private final Clock clock;

		ScheduledSweep(DeadlineSweep sweep, Clock clock) {
			this.sweep = sweep;
			this.clock = clock;
		}

		@Scheduled(fixedDelayString = "${grassroots.supervision.sweep-interval:30s}", initialDelayString = "${grassroots.supervision.sweep-interval:30s}")
		@SchedulerLock(name = "supervision-deadline-sweep",
				lockAtMostFor = "${grassroots.supervision.sweep-lock-at-most-for:PT2M}")
		void sweep() {
			sweep.sweep(clock.instant());
		}

	}

}
