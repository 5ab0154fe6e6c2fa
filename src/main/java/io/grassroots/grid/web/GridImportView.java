package io.grassroots.grid.web;

import io.grassroots.shared.ImportReport;

/**
 * The import and export page.
 *
 * @param report the report of the import just made, or {@code null}
 */
public record GridImportView(String within, ImportReport report) {
}
