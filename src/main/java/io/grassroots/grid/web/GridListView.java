package io.grassroots.grid.web;

import java.util.List;

import io.grassroots.grid.GridSummary;

/** The grid register page. */
public record GridListView(String within, List<GridSummary> grids) {
}
