package io.grassroots.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.grassroots.identity.Actor;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/** Checks of a transition's input that need other data: categories, departments, the target of a merge. */
@Component
class CaseRules {

	/** The most assisting departments one dispatch may call. */
	static final int MAX_ASSISTING = 5;

	private final CaseRepository cases;

	private final CaseAccess access;

	private final AssistStore assists;

	private final Categories categories;

	private final DepartmentDirectory departments;

	CaseRules(CaseRepository cases, CaseAccess access, AssistStore assists, Categories categories,
			DepartmentDirectory departments) {
		this.cases = cases;
		this.access = access;
		this.assists = assists;
		this.categories = categories;
		this.departments = departments;
	}

	void checkCategory(CategoryKey category) {
		if (category == null || categories.find(category).filter(Category::active).isEmpty()) {
			throw InvalidInputException.of("category", "cases.intake.unknownCategory", category);
		}
	}

	/** An open case the actor may see, to merge into. */
	Case mergeTarget(Actor actor, CaseId into) {
		var target = cases.findById(into).orElseThrow(() -> InvalidInputException.of("into", "cases.merge.unknown", into));
		if (!target.status().isOpen() || !access.canSee(actor, target, () -> assists.of(into))) {
			throw InvalidInputException.of("into", "cases.merge.notOpen", target.origin().trackingCode());
		}
		return target;
	}

	void checkDepartments(Case subject, DepartmentId lead, List<DepartmentId> assisting) {
		if (lead == null || !departments.serves(subject.place().region(), lead)) {
			throw InvalidInputException.of("lead", "cases.dispatch.notServing", lead);
		}
		if (assisting.size() > MAX_ASSISTING || assisting.contains(lead)) {
			throw InvalidInputException.of("assisting", "cases.dispatch.badAssisting", MAX_ASSISTING);
		}
		assisting.stream().filter(d -> !departments.serves(subject.place().region(), d)).findFirst().ifPresent(d -> {
			throw InvalidInputException.of("assisting", "cases.dispatch.notServing", d);
		});
	}

	static Map<String, Object> rated(Rating rating, Boolean resolved, EvaluationSource source) {
		var details = new HashMap<String, Object>();
		details.put("rating", rating.name());
		details.put("source", source.name());
		if (resolved != null) {
			details.put("resolved", resolved);
		}
		return details;
	}

}
