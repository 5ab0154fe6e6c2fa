package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.grassroots.region.DepartmentKind;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.RuleViolationException;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A case this node committed a moment ago is remembered as stored (decision cases-21), so that its next transition
 * needs no load; one changed meanwhile by someone else is loaded, and the transition answers what a load would have.
 */
@IntegrationTest
class CaseSnapshotsTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseReadsImpl reads;

	@Autowired
	CaseSnapshots snapshots;

	@Autowired
	CaseTesting testing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCaseIsRememberedAfterEachStepExactlyAsItsRowReadsBack() {
		var dispatcher = testing.demo("dispatcher");
		var handler = testing.demo("handler");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		assertRememberedAsStored(c);
		c = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
		assertRememberedAsStored(c);
		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(), null);
		assertRememberedAsStored(c);
		c = cases.claim(handler, c.id(), c.version());
		assertRememberedAsStored(c);
		c = cases.reportBack(handler, c.id(), c.version(), "已处置", List.of());
		assertRememberedAsStored(c);
	}

	@Test
	void aTransitionOnACaseChangedElsewhereAnswersWhatTheStoredCaseSays() {
		var dispatcher = testing.demo("dispatcher");
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var filed = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
		// another node rejects it meanwhile: a new version this node has not seen
		jdbc.sql("update cases_case set status = 'REJECTED', version = version + 1 where id = :id")
			.param("id", filed.id().id())
			.update();
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> cases.dispatch(dispatcher, filed.id(), filed.version(), market.id(), List.of(), null));
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(
				() -> cases.dispatch(dispatcher, filed.id(), filed.version() + 1, market.id(), List.of(), null));
		assertThat(reads.findById(filed.id()).orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
	}

	@Test
	void aResidentRatesTheCaseAsStoredWhenItWasChangedElsewhere() {
		var dispatcher = testing.demo("dispatcher");
		var handler = testing.demo("handler");
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		c = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
		c = cases.dispatch(dispatcher, c.id(), c.version(), testing.department(DepartmentKind.MARKET_SUPERVISION).id(),
				List.of(), null);
		c = cases.claim(handler, c.id(), c.version());
		c = cases.reportBack(handler, c.id(), c.version(), "已处置", List.of());
		var closed = cases.verify(dispatcher, c.id(), c.version(), true, null, List.of());
		// the evaluation window ended on another node's write: a new version this node has not seen
		var end = Instant.now().minus(Duration.ofHours(1));
		jdbc.sql("update cases_case set warn_at = :warn, due_at = :due, version = version + 1 where id = :id")
			.param("warn", Timestamp.from(end.minus(Duration.ofDays(1))))
			.param("due", Timestamp.from(end))
			.param("id", closed.id().id())
			.update();

		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> cases.evaluateByResident(closed.trackingCode(), Rating.SATISFIED, true, null));
		assertThat(reads.findById(closed.id()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void aCaseIsFoundByItsTrackingCodeAtTheVersionItsLastStepWrote() {
		var dispatcher = testing.demo("dispatcher");
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var filed = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
		var byCode = snapshots.take(filed.trackingCode());
		assertThat(byCode).isNotNull();
		assertThat(byCode.subject().version()).isEqualTo(filed.version());
		assertThat(snapshots.take(filed.trackingCode())).as("taken out").isNull();

		new TransactionTemplate(transactions).executeWithoutResult(status -> snapshots.committed(byCode.subject()));
		var dispatched = cases.dispatch(dispatcher, filed.id(), filed.version(),
				testing.department(DepartmentKind.MARKET_SUPERVISION).id(), List.of(), null);
		var again = snapshots.take(filed.trackingCode());
		assertThat(again).isNotNull();
		assertThat(again.subject().id()).isEqualTo(filed.id());
		assertThat(again.subject().version()).isEqualTo(dispatched.version());
	}

	@Test
	void aCaseIsRememberedOnlyOnceItsTransactionCommitsAndOnlyAtItsVersion() {
		var dispatcher = testing.demo("dispatcher");
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var filed = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
		var remembered = snapshots.take(filed.id(), filed.version());
		assertThat(remembered).isNotNull();
		assertThat(snapshots.take(filed.id(), filed.version())).as("taken out while a transition works on it").isNull();

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			snapshots.committed(remembered.subject());
			status.setRollbackOnly();
		});
		assertThat(snapshots.take(filed.id(), filed.version())).as("rolled back").isNull();

		new TransactionTemplate(transactions).executeWithoutResult(status -> snapshots.committed(remembered.subject()));
		assertThat(snapshots.take(filed.id(), filed.version() + 1)).as("another version").isNull();
		assertThat(snapshots.take(filed.id(), filed.version())).isNotNull();
	}

	@Test
	void casesWrittenTogetherAreRememberedOnlyOnceTheirTransactionCommitsEachAtItsVersion() {
		var dispatcher = testing.demo("dispatcher");
		var first = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var second = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var one = snapshots.take(first.id(), first.version());
		var two = snapshots.take(second.id(), second.version());
		assertThat(one).isNotNull();
		assertThat(two).isNotNull();
		var both = List.of(one.subject(), two.subject());

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			snapshots.committedAll(both, true);
			status.setRollbackOnly();
		});
		assertThat(snapshots.take(first.id(), first.version())).as("rolled back").isNull();
		assertThat(snapshots.take(second.id(), second.version())).as("rolled back").isNull();

		new TransactionTemplate(transactions).executeWithoutResult(status -> snapshots.committedAll(both, true));
		var again = snapshots.take(first.id(), first.version());
		assertThat(again).isNotNull();
		assertThat(again.unassisted()).isTrue();
		assertThat(snapshots.take(second.id(), second.version() + 1)).as("another version").isNull();
		assertThat(snapshots.take(second.id(), second.version())).isNotNull();
	}

	@Test
	void aCaseIsRememberedWithoutAssistingDepartmentsOnlyUntilADispatchGivesItSome() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var ecology = testing.department(DepartmentKind.ECOLOGY_ENVIRONMENT);
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		assertThat(rememberedAgain(c).unassisted()).as("reported").isTrue();
		c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false, null);
		assertThat(rememberedAgain(c).unassisted()).as("filed").isTrue();
		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(ecology.id()), null);
		assertThat(rememberedAgain(c).unassisted()).as("dispatched with an assisting department").isFalse();
		var lead = CaseTesting.handlerOf(market);
		c = cases.claim(lead, c.id(), c.version());
		assertThat(rememberedAgain(c).unassisted()).as("claimed, the assisting department's part pending").isFalse();
		var claimed = c;
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> cases.reportBack(lead, claimed.id(), claimed.version(), "已整改", List.of()));
	}

	/** What is remembered of the case at its version, remembered again for its next transition. */
	private CaseSnapshots.Remembered rememberedAgain(CaseSummary summary) {
		var taken = snapshots.take(summary.id(), summary.version());
		assertThat(taken).as("remembered at version %d", summary.version()).isNotNull();
		new TransactionTemplate(transactions)
			.executeWithoutResult(status -> snapshots.committed(taken.subject(), taken.unassisted()));
		return taken;
	}

	private void assertRememberedAsStored(CaseSummary summary) {
		var taken = snapshots.take(summary.id(), summary.version());
		assertThat(taken).as("remembered at version %d", summary.version()).isNotNull();
		var remembered = taken.subject();
		var stored = reads.findById(summary.id()).orElseThrow();
		assertThat(CaseColumns.all(remembered)).isEqualTo(CaseColumns.all(stored));
		assertThat(remembered.origin()).isEqualTo(stored.origin());
		assertThat(remembered.matter()).isEqualTo(stored.matter());
		assertThat(remembered.place()).isEqualTo(stored.place());
		assertThat(remembered.clock()).isEqualTo(stored.clock());
		assertThat(remembered.pendingExtension()).isEqualTo(stored.pendingExtension());
		assertThat(remembered.tally()).isEqualTo(stored.tally());
		assertThat(remembered.milestones()).isEqualTo(stored.milestones());
		assertThat(remembered.outcome()).isEqualTo(stored.outcome());
		assertThat(remembered.version()).isEqualTo(stored.version());
	}

}
