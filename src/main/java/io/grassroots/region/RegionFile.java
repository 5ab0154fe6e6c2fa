package io.grassroots.region;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV layouts the region import understands: the five national files of the statistical codes (provinces,
 * cities, areas, streets, villages) and the flattened subtree layout of the Changji seed.
 */
enum RegionFile {

	PROVINCES(List.of("code", "name"), 2, null),
	CITIES(List.of("code", "name", "provinceCode"), 4, "provinceCode"),
	AREAS(List.of("code", "name", "cityCode", "provinceCode"), 6, "cityCode"),
	STREETS(List.of("code", "name", "areaCode", "provinceCode", "cityCode"), 9, "areaCode"),
	VILLAGES(List.of("code", "name", "streetCode", "provinceCode", "cityCode", "areaCode"), 12, "streetCode"),
	SUBTREE(List.of("code12", "code", "name", "level", "parent_code12", "parent_code"), 0, "parent_code12");

	static final Map<String, Integer> SUBTREE_LEVELS = Map.of("province", 1, "prefecture", 2, "county", 3, "township",
			4, "village", 5);

	final List<String> columns;

	/** Digits of the code column, or 0 for the subtree layout (12-digit codes of any level). */
	final int codeLength;

	final String parentColumn;

	RegionFile(List<String> columns, int codeLength, String parentColumn) {
		this.columns = columns;
		this.codeLength = codeLength;
		this.parentColumn = parentColumn;
	}

	static RegionFile detect(List<String> header) {
		var set = Set.copyOf(header);
		for (var file : values()) {
			if (set.equals(Set.copyOf(file.columns)) && header.size() == file.columns.size()) {
				return file;
			}
		}
		return null;
	}

	String codeColumn() {
		return this == SUBTREE ? "code12" : "code";
	}

	static String expectedHeaders() {
		return String.join(" | ", java.util.Arrays.stream(values()).map(f -> String.join(",", f.columns)).toList());
	}

}
