package io.grassroots.supervision.web;

import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.region.DepartmentId;
import io.grassroots.supervision.CardKind;
import io.grassroots.supervision.WhistleRequest;

/** The bodies of supervision's requests, for the API's JSON and the console's forms alike. */
final class SupervisionRequests {

	private SupervisionRequests() {
	}

	record Reminder(String note) {
	}

	record Order(Integer workingDays, String note) {
	}

	record Card(UUID department, CardKind kind, UUID caseId, String note) {

		DepartmentId departmentId() {
			return department == null ? null : new DepartmentId(department);
		}

		CaseId subject() {
			return caseId == null ? null : new CaseId(caseId);
		}

	}

	record Answer(String answer) {
	}

	record ReportIn(String note) {
	}

	record Reopen(Long version, String reason) {
	}

	record Whistle(String title, String description, String region, String address, List<UUID> departments,
			Integer minutes) {

		WhistleRequest request() {
			return new WhistleRequest(title, description, region, address,
					departments == null ? null : departments.stream().map(d -> d == null ? null : new DepartmentId(d)).toList(),
					minutes);
		}

	}

	/** What a command answers: the id of what it made. */
	record Made(String id) {
	}

}
