package io.grassroots.grid;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tags that drive household visits. Every household is visited at least at the {@link #ORDINARY} interval;
 * a tagged household at the shortest interval of its tags.
 */
public enum HouseholdTag {

	/** 普通户: every household. */
	ORDINARY,
	/** 独居老人. */
	ELDERLY_ALONE,
	/** 低保户 / 低收入. */
	LOW_INCOME,
	/** 残疾人. */
	DISABLED,
	/** 重点人员. */
	KEY_PERSON;

	private static final Map<String, HouseholdTag> CHINESE = Map.of("普通", ORDINARY, "普通户", ORDINARY, "独居老人",
			ELDERLY_ALONE, "低保", LOW_INCOME, "低保户", LOW_INCOME, "低收入", LOW_INCOME, "残疾", DISABLED, "残疾人",
			DISABLED, "重点人员", KEY_PERSON);

	/** Reads a tag written as a constant or in Chinese; {@code null} when unknown. */
	static HouseholdTag parse(String text) {
		var t = text.strip();
		return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t)).findFirst().orElse(CHINESE.get(t));
	}

	/** Tags as stored: constant names separated by commas, ORDINARY left out. */
	static String store(Set<HouseholdTag> tags) {
		return tags.stream().filter(t -> t != ORDINARY).sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<HouseholdTag> load(String stored) {
		var tags = EnumSet.noneOf(HouseholdTag.class);
		if (stored != null && !stored.isBlank()) {
			Arrays.stream(stored.split(",")).map(HouseholdTag::valueOf).forEach(tags::add);
		}
		return tags;
	}

}
