package io.grassroots.grid.web;

import java.util.List;

import io.grassroots.grid.GridSummary;

/** Grids without a branch or secretary, and grids below their management type's standards. */
public record GridCoverageView(String within, List<GridSummary> withoutBranch, List<GridSummary> belowStandard) {
}
