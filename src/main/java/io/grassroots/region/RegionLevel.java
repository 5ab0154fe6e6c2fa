package io.grassroots.region;

/** The levels of the administrative tree, from the digits of the code. */
public enum RegionLevel {

	PROVINCE, PREFECTURE, COUNTY, STREET, COMMUNITY;

	static RegionLevel ofDepth(int depth) {
		return values()[depth - 1];
	}

}
