package io.grassroots.region.web;

import java.util.List;

/**
 * The upload form of the region import.
 *
 * @param layouts the column lists of the CSV layouts it understands
 * @param maxBytes the largest file it accepts
 */
public record RegionImportView(List<String> layouts, long maxBytes) {

	public long maxMegabytes() {
		return Math.max(1, maxBytes / 1024 / 1024);
	}

}
