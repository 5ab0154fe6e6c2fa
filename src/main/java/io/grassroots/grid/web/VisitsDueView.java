package io.grassroots.grid.web;

import java.util.List;

import io.grassroots.grid.DueVisit;

/** The grid worker's phone page: what is due by the end of this week. */
public record VisitsDueView(List<DueVisit> due) {
}
