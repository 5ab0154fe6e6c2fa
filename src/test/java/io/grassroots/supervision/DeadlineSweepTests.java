package io.grassroots.supervision;

import java.time.Duration;

import io.grassroots.cases.Step;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep over a dispatched order nobody claims: a reminder at yellow, a supervision order at red, a yellow card
 * a working day later, a red card when the order runs out; each once, however often the window is swept; a claim
 * in time issues nothing beyond the reminder.
 */
@IntegrationTest
class DeadlineSweepTests {

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	SupervisionTesting testing;

	@Autowired
	io.grassroots.cases.CaseManagement cases;

	@Test
	void anUnclaimedOrderIsRemindedSupervisedAndCardedOnce() {
		var order = testing.dispatched("无人接单的案件");
		assertThat(order.deadline().step()).isEqualTo(Step.CLAIM);
		var after = SupervisionTesting.before(order);
		var upTo = order.deadline().dueAt().plus(Duration.ofDays(30));

		sweep.window(after, upTo);
		sweep.window(after, upTo);

		var id = order.id();
		assertThat(testing.count("supervision_reminder", id, "light = 'YELLOW' and audience = 'DEPARTMENT'")).isEqualTo(1);
		assertThat(testing.count("supervision_reminder", id)).isEqualTo(1);
		assertThat(testing.count("supervision_order", id, "automatic = true and state = 'EXPIRED'")).isEqualTo(1);
		assertThat(testing.count("supervision_card", id, "kind = 'YELLOW_CARD' and reason = 'OVERDUE'")).isEqualTo(1);
		assertThat(testing.count("supervision_card", id, "kind = 'RED_CARD' and reason = 'ORDER_EXPIRED'")).isEqualTo(1);
		assertThat(testing.auditAbout(id)).as("reminder, order issued and expired, two cards").isEqualTo(5);
	}

	@Test
	void aClaimBeforeRedLeavesOnlyTheReminder() {
		var order = testing.dispatched("及时接单的案件");
		var handler = testing.demo("handler");
		var claimed = cases.claim(handler, order.id(), order.version());
		var upTo = order.deadline().dueAt().plus(Duration.ofDays(30));

		sweep.window(SupervisionTesting.before(order), order.deadline().dueAt().plusSeconds(1));

		assertThat(testing.count("supervision_order", order.id())).isZero();
		assertThat(testing.count("supervision_card", order.id())).isZero();
		assertThat(claimed.deadline().step()).isEqualTo(Step.HANDLE);
		assertThat(upTo).isAfter(order.deadline().dueAt());
	}

}
