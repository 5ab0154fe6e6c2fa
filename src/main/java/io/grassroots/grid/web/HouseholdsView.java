package io.grassroots.grid.web;

import java.util.List;

import io.grassroots.grid.GridView;
import io.grassroots.grid.HouseholdView;
import io.grassroots.shared.ImportReport;

/**
 * A grid's household register.
 *
 * @param report the report of an import just made, or {@code null}
 */
public record HouseholdsView(GridView grid, List<HouseholdView> households, ImportReport report) {
}
