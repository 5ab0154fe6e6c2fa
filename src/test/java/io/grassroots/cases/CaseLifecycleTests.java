package io.grassroots.cases;

import java.util.List;

import io.grassroots.audit.AuditTrail;
import io.grassroots.region.DepartmentKind;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CaseLifecycleTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTesting testing;

	@Autowired
	AuditTrail audit;

	@Autowired
	PublishedCaseEvents events;

	@Test
	void aPhoneReportGoesAroundTheWholeLoop() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var reported = cases.report(dispatcher, CaseTesting.vendorReport(null));
		assertThat(reported.status()).isEqualTo(CaseStatus.REPORTED);
		assertThat(reported.tier()).isEqualTo(Tier.STREET);
		assertThat(reported.suggestedDepartment()).isEqualTo(market.id());
		assertThat(reported.deadline().step()).isEqualTo(Step.DISPATCH);

		var filed = cases.file(dispatcher, reported.id(), reported.version(), reported.category(), Urgency.NORMAL, false, null);
		var dispatched = cases.dispatch(dispatcher, filed.id(), filed.version(), market.id(), List.of(), null);
		var handler = testing.demo("handler");
		var claimed = cases.claim(handler, dispatched.id(), dispatched.version());
		assertThat(claimed.deadline().step()).isEqualTo(Step.HANDLE);
		var back = cases.reportBack(handler, claimed.id(), claimed.version(), "已劝离摊贩并宣传教育",
				List.of(new Upload("after.png", CaseTesting.PNG)));
		var closed = cases.verify(testing.demo("gridworker"), back.id(), back.version(), true, "现场已无摊贩", List.of());
		assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(closed.deadline().step()).isEqualTo(Step.EVALUATE);
		var evaluated = cases.evaluateByResident(closed.trackingCode(), Rating.SATISFIED, true, "谢谢");
		assertThat(evaluated.status()).isEqualTo(CaseStatus.EVALUATED);

		var view = queries.view(dispatcher, evaluated.id());
		assertThat(view.timeline()).extracting(TimelineEntry::action).containsExactly("case.report", "case.file",
				"case.dispatch", "case.claim", "case.reportBack", "case.verifyPass", "case.evaluate");
		assertThat(view.attachments()).hasSize(1);
		assertThat(audit.verify().firstBroken()).isNull();
		assertThat(events.of(reported.id()))
			.extracting(e -> e.getClass().getSimpleName())
			.containsExactly("CaseReported", "CaseFiled", "CaseDispatched", "CaseClaimed", "CaseReportedBack",
					"CaseVerified", "CaseClosed", "CaseEvaluated");
	}

}
