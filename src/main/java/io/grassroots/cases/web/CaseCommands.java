package io.grassroots.cases.web;

import java.util.List;
import java.util.Optional;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.EvaluationSource;
import io.grassroots.cases.Upload;
import io.grassroots.identity.Actor;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The transitions by their path names ({@code /cases/{id}/claim} …), for the API and the console alike: reads the
 * request, calls the one case service, answers the changed case. An unknown name is a 404.
 */
@Component
class CaseCommands {

	private final CaseManagement cases;

	private final CaseQueries queries;

	CaseCommands(CaseManagement cases, CaseQueries queries) {
		this.cases = cases;
		this.queries = queries;
	}

	CaseSummary run(Actor actor, CaseId id, String action, ActionRequest r, List<Upload> photos) {
		var v = version(r);
		return switch (action) {
			case "resolve-on-site" -> cases.resolveOnSite(actor, id, v, r.note(), photos);
			case "hand-over" -> cases.handOverToCommunity(actor, id, v, r.note());
			case "resolve" -> cases.resolve(actor, id, v, r.note(), photos);
			case "escalate" -> cases.escalate(actor, id, v, r.reason());
			case "assign-down" -> cases.assignDown(actor, id, v, required("to", r.to()), r.note());
			case "file" -> cases.file(actor, id, v, category(r), r.urgency(), Boolean.TRUE.equals(r.complex()), r.note());
			case "reject" -> cases.reject(actor, id, v, r.reason());
			case "merge" -> cases.merge(actor, id, v, target(actor, r.into()), r.note());
			case "dispatch" -> cases.dispatch(actor, id, v, new DepartmentId(required("lead", r.lead())),
					r.assisting() == null ? List.of() : r.assisting().stream().map(DepartmentId::new).toList(), r.note());
			case "claim" -> cases.claim(actor, id, v);
			case "return" -> cases.returnOrder(actor, id, v, r.reason());
			case "request-extension" -> cases.requestExtension(actor, id, v, extension(r), r.reason());
			case "approve-extension" -> cases.decideExtension(actor, id, v, true, r.note());
			case "deny-extension" -> cases.decideExtension(actor, id, v, false, r.note());
			case "park" -> cases.park(actor, id, v, r.reason());
			case "restore" -> cases.restore(actor, id, v, r.note());
			case "report-assist" -> cases.reportAssist(actor, id, v, r.result(), photos);
			case "report-back" -> cases.reportBack(actor, id, v, r.result(), photos);
			case "verify" -> cases.verify(actor, id, v, required("passed", r.passed()), r.note(), photos);
			case "evaluate" -> cases.evaluate(actor, id, v, required("rating", r.rating()), r.resolved(),
					EvaluationSource.CALLBACK, r.note());
			case "reopen" -> cases.reopen(actor, id, v, r.reason());
			case "void" -> cases.voidCase(actor, id, v, r.reason(), r.approvedBy());
			default -> throw new NotFoundException("problem.notFound");
		};
	}

	private static long version(ActionRequest r) {
		if (r == null || r.version() == null) {
			throw InvalidInputException.of("version", "cases.versionRequired");
		}
		return r.version();
	}

	private static CategoryKey category(ActionRequest r) {
		if (r.category() != null && r.category().contains(":")) {
			var parts = r.category().strip().split(":", 2);
			return new CategoryKey(parts[0], parts[1]);
		}
		if (r.categoryStandard() == null || r.categoryStandard().isBlank() || r.categoryCode() == null
				|| r.categoryCode().isBlank()) {
			throw InvalidInputException.of("category", "cases.intake.unknownCategory", "");
		}
		return new CategoryKey(r.categoryStandard().strip(), r.categoryCode().strip());
	}

	private static TimeLimit extension(ActionRequest r) {
		try {
			return new TimeLimit(required("amount", r.amount()), required("unit", r.unit()));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("amount", "cases.extension.badLimit");
		}
	}

	/** The case to merge into, by id or tracking code. */
	private CaseId target(Actor actor, String into) {
		var text = required("into", into).strip();
		if (text.matches("[0-9a-fA-F-]{36}")) {
			return CaseId.of(text);
		}
		return Optional.of(text.toUpperCase())
			.flatMap(code -> queries.findByTrackingCode(actor, code))
			.orElseThrow(() -> InvalidInputException.of("into", "cases.merge.unknown", text));
	}

	private static <T> T required(String where, T value) {
		if (value == null) {
			throw InvalidInputException.of(where, "cases.intake.required");
		}
		return value;
	}

}
