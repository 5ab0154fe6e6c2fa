package io.grassroots.grid.web;

import io.grassroots.grid.NetworkReport;

/**
 * The network check page.
 *
 * @param report the check of the chosen community, or {@code null} before one is chosen
 */
public record GridNetworkView(String community, NetworkReport report) {
}
