package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.CaseRow;

/** The grid worker's phone page: what to handle in the grid, and what to verify. */
public record MobileTasksView(List<CaseRow> toHandle, List<CaseRow> toVerify) {
}
