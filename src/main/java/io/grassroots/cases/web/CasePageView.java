package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.CaseAction;
import io.grassroots.cases.CaseView;
import io.grassroots.region.DepartmentView;

/**
 * The case page: the case as this viewer sees it, and what its action forms offer (the departments serving the
 * place for dispatch, the categories for filing).
 */
public record CasePageView(CaseView c, List<DepartmentView> departments, List<CategoryOption> categories) {

	public boolean can(CaseAction action) {
		return c.actions().contains(action);
	}

	public String category() {
		var key = c.summary().category();
		return key == null ? "" : key.standard() + ":" + key.code();
	}

	public String suggested() {
		var id = c.summary().suggestedDepartment();
		return id == null ? "" : id.toString();
	}

}
