package io.grassroots.grid.web;

import java.util.List;

import io.grassroots.grid.ManagementStandard;

/** The standards of the management types, editable by administrators. */
public record GridStandardsView(List<ManagementStandard> standards, boolean mayChange) {
}
