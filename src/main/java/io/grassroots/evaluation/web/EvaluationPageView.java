package io.grassroots.evaluation.web;

import java.util.List;

import io.grassroots.cases.CaseRow;

/** Closed and evaluated cases of the viewer's scope, with the callback and department-rating forms. */
public record EvaluationPageView(List<CaseRow> rows) {
}
