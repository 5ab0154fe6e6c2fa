package io.grassroots.grid;

import java.util.Arrays;
import java.util.Map;

/**
 * Which feature properties of an imported GeoJSON file hold what, and the values to use where a feature has none.
 * The documented default names are {@code code} (15 digits), {@code community} (12 digits), {@code name},
 * {@code kind} and {@code managementType}; kinds and types may be written as constants ({@code RESIDENTIAL}) or
 * in Chinese (小区网格, 单位网格, 警务网格; 日常管理型, 一般防范型, 重点关注型, 集中整治型).
 *
 * @param system the datum of the file's coordinates (RFC 7946 says WGS-84; files from AMap are GCJ-02)
 */
public record GridMapping(String codeProperty, String communityProperty, String nameProperty, String kindProperty,
		String typeProperty, String defaultCommunity, GridKind defaultKind, ManagementType defaultType,
		CoordinateSystem system) {

	private static final Map<String, GridKind> KIND_NAMES = Map.of("小区网格", GridKind.RESIDENTIAL, "住宅网格",
			GridKind.RESIDENTIAL, "单位网格", GridKind.INSTITUTIONAL, "警务网格", GridKind.POLICE_PATROL);

	private static final Map<String, ManagementType> TYPE_NAMES = Map.of("日常管理型", ManagementType.ROUTINE,
			"一般防范型", ManagementType.GENERAL_PREVENTION, "重点关注型", ManagementType.KEY_ATTENTION, "集中整治型",
			ManagementType.CONCENTRATED_RECTIFICATION);

	public GridMapping {
		codeProperty = orDefault(codeProperty, "code");
		communityProperty = orDefault(communityProperty, "community");
		nameProperty = orDefault(nameProperty, "name");
		kindProperty = orDefault(kindProperty, "kind");
		typeProperty = orDefault(typeProperty, "managementType");
		system = system == null ? CoordinateSystem.WGS84 : system;
	}

	public static GridMapping documented() {
		return new GridMapping(null, null, null, null, null, null, null, null, CoordinateSystem.WGS84);
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	static GridKind kind(String text) {
		return parse(text, GridKind.values(), KIND_NAMES);
	}

	static ManagementType type(String text) {
		return parse(text, ManagementType.values(), TYPE_NAMES);
	}

	private static <E extends Enum<E>> E parse(String text, E[] values, Map<String, E> names) {
		if (text == null) {
			return null;
		}
		return Arrays.stream(values)
			.filter(v -> v.name().equalsIgnoreCase(text.replace('-', '_')))
			.findFirst()
			.orElse(names.get(text));
	}

}
