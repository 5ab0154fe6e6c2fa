package io.grassroots.cases;

import java.util.LinkedHashMap;
import java.util.Map;

import io.grassroots.region.DepartmentKind;

/** Guesses the department kind of an imported category from its names, most specific name first. */
final class DepartmentGuess {

	private static final Map<String, DepartmentKind> KEYWORDS = new LinkedHashMap<>();

	static {
		put(DepartmentKind.WATER, "供水", "自来水", "水务", "水利");
		put(DepartmentKind.POWER_SUPPLY, "供电", "电力", "停电");
		put(DepartmentKind.PUBLIC_SECURITY, "治安", "公安", "户籍", "诈骗", "交警", "违停");
		put(DepartmentKind.EMERGENCY_MANAGEMENT, "安全生产", "消防", "应急", "事故");
		put(DepartmentKind.ECOLOGY_ENVIRONMENT, "环境保护", "污染", "噪音", "噪声", "油烟", "环保");
		put(DepartmentKind.URBAN_MANAGEMENT, "城管", "市容", "环卫", "环境卫生", "园林", "绿化", "占道", "违建", "违章建筑");
		put(DepartmentKind.HOUSING, "燃气", "供暖", "采暖", "物业", "小区", "房屋", "住房", "拆迁", "市政", "建设");
		put(DepartmentKind.TRANSPORT, "交通", "公交", "道路", "出租", "地铁", "客运");
		put(DepartmentKind.HEALTH, "医", "卫生", "计生", "疫", "健康");
		put(DepartmentKind.EDUCATION, "教育", "学校", "招生", "教师", "幼儿园");
		put(DepartmentKind.HUMAN_RESOURCES, "社保", "社会保障", "劳动", "就业", "工资", "人事", "人才");
		put(DepartmentKind.CIVIL_AFFAIRS, "民政", "低保", "养老", "殡葬", "婚姻", "救助", "残疾", "社区");
		put(DepartmentKind.MARKET_SUPERVISION, "市场", "价格", "食品", "药品", "消费", "商贸", "质量");
		put(DepartmentKind.CULTURE_TOURISM, "旅游", "文化", "体育", "文体");
		put(DepartmentKind.NATURAL_RESOURCES, "国土", "土地", "规划", "矿");
		put(DepartmentKind.AGRICULTURE, "农", "林业", "畜牧", "渔", "乡村", "扶贫");
	}

	private DepartmentGuess() {
	}

	private static void put(DepartmentKind kind, String... words) {
		for (var word : words) {
			KEYWORDS.put(word, kind);
		}
	}

	/** The kind whose keyword appears in the first name that has one; OTHER when none does. */
	static DepartmentKind from(String... names) {
		for (var name : names) {
			for (var entry : KEYWORDS.entrySet()) {
				if (name != null && name.contains(entry.getKey())) {
					return entry.getValue();
				}
			}
		}
		return DepartmentKind.OTHER;
	}

}
