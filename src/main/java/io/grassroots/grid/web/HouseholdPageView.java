package io.grassroots.grid.web;

import java.util.List;

import io.grassroots.grid.HouseholdView;
import io.grassroots.grid.VisitView;

/** One household with its visits and the form to record one. */
public record HouseholdPageView(HouseholdView household, List<VisitView> visits) {
}
