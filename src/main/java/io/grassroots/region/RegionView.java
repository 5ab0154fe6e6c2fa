package io.grassroots.region;

import io.grassroots.shared.RegionCode;

/**
 * A region as other modules and the API see it.
 *
 * @param children how many direct children it has
 */
public record RegionView(RegionCode code, String name, RegionLevel level, RegionCode parent, int children) {

	private static final java.util.regex.Pattern SUFFIX = java.util.regex.Pattern
		.compile("(居民委员会|村民委员会|居委会|村委会)$");

	/** The name without the administrative suffix: 西街社区居民委员会 → 西街社区. */
	public String shortName() {
		return shortName(name);
	}

	/** A region's name without the administrative suffix. */
	static String shortName(String name) {
		return SUFFIX.matcher(name).replaceFirst("");
	}

}
