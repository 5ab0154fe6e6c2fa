package io.grassroots.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.grassroots.audit.AuditTrail;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-limit table and the categories are kept in memory on every node: a change is used at once by the node that
 * made it and by another node (here a second instance on the same database, keeping them for a few seconds) once the
 * time it keeps them is up; a change rolled back is not kept in memory either.
 */
@IntegrationTest
class CaseSettingsTests {

	private static final Duration OTHER_NODE_KEEPS = Duration.ofSeconds(3);

	private static final Actor ADMIN = new Actor(Actor.system().id(), "admin", "admin", Set.of(Role.ADMINISTRATOR),
			DataScope.everything());

	@Autowired
	TimeLimits limits;

	@Autowired
	Categories categories;

	@Autowired
	CategoryStore store;

	@Autowired
	AuditTrail audit;

	@Autowired
	Clock clock;

	@Autowired
	CasesProperties properties;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTimeLimitChangedOnOneNodeIsUsedThereAtOnceAndOnAnotherOnceItsRefreshTimeIsUp() throws Exception {
		var otherNode = new TimeLimits(jdbc, audit, keptFor(OTHER_NODE_KEEPS), transactionManager);
		var category = new CategoryKey("CJT214", "P0112");
		var before = otherNode.limitFor(category, Urgency.URGENT, Set.of(), Step.CLAIM);
		assertThat(before).isNotEqualTo(TimeLimit.minutes(13));

		var saved = limits.save(ADMIN, new TimeLimitRule(null, category, Urgency.URGENT, null, Step.CLAIM,
				TimeLimit.minutes(13), 0));
		try {
			assertThat(limits.limitFor(category, Urgency.URGENT, Set.of(), Step.CLAIM)).isEqualTo(TimeLimit.minutes(13));
			assertThat(otherNode.limitFor(category, Urgency.URGENT, Set.of(), Step.CLAIM)).as("kept in memory")
				.isEqualTo(before);
			assertThat(within(OTHER_NODE_KEEPS.plusSeconds(5),
					() -> otherNode.limitFor(category, Urgency.URGENT, Set.of(), Step.CLAIM).equals(TimeLimit.minutes(13))))
				.as("read again once the refresh time is up").isTrue();
		}
		finally {
			limits.remove(ADMIN, saved.id());
		}
		assertThat(limits.limitFor(category, Urgency.URGENT, Set.of(), Step.CLAIM)).isEqualTo(before);
	}

	@Test
	void aCategoryStandardImportedOnOneNodeIsFoundThereAtOnceAndOnAnotherOnceItsRefreshTimeIsUp() throws Exception {
		var otherNode = new Categories(store, audit, clock, keptFor(OTHER_NODE_KEEPS), transactionManager);
		var standard = "NODES-" + UUID.randomUUID().toString().substring(0, 6);
		var key = new CategoryKey(standard, "E");
		assertThat(otherNode.find(key)).isEmpty();

		var file = "code,parent,name,department_kind\nE,,事件,URBAN_MANAGEMENT\n";
		assertThat(categories.importStandard(Actor.system(), standard, "两个节点", "n.csv", file.getBytes()).added())
			.isEqualTo(1);

		assertThat(categories.find(key)).isPresent();
		assertThat(otherNode.find(key)).as("kept in memory").isEmpty();
		assertThat(within(OTHER_NODE_KEEPS.plusSeconds(5), () -> otherNode.find(key).isPresent()))
			.as("read again once the refresh time is up").isTrue();
	}

	@Test
	void aTimeLimitChangeRolledBackIsNotKeptInMemory() {
		var category = new CategoryKey("CJT214", "P0113");
		var before = limits.limitFor(category, Urgency.NORMAL, Set.of(), Step.HANDLE);

		transactions.executeWithoutResult(status -> {
			limits.save(ADMIN, new TimeLimitRule(null, category, Urgency.NORMAL, null, Step.HANDLE,
					TimeLimit.minutes(19), 0));
			// inside its transaction the change is seen
			assertThat(limits.limitFor(category, Urgency.NORMAL, Set.of(), Step.HANDLE)).isEqualTo(TimeLimit.minutes(19));
			status.setRollbackOnly();
		});

		assertThat(limits.limitFor(category, Urgency.NORMAL, Set.of(), Step.HANDLE)).isEqualTo(before);
		assertThat(limits.rules()).noneMatch(r -> category.equals(r.category()));
	}

	private CasesProperties keptFor(Duration refresh) {
		return new CasesProperties(properties.unplacedRegion(), properties.yellowAt(),
				properties.duplicateDistanceMeters(), properties.duplicateWindow(), properties.attachmentDirectory(),
				properties.attachmentMaxBytes(), properties.attachmentMaxFiles(), properties.publicIntakePerMinute(),
				properties.publicIntakeMaxBytes(), refresh, properties.intakeQueue(), properties.intakeBatch(),
				properties.intakeReadsInBatch(), properties.intakeReadsAhead(), properties.intakeGather());
	}

	private static boolean within(Duration time, BooleanSupplier condition) throws InterruptedException {
		var deadline = System.nanoTime() + time.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			TimeUnit.MILLISECONDS.sleep(50);
		}
		return true;
	}

}
