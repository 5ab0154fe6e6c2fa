package io.grassroots.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Region names take the characters real names have, and nothing that could act as markup, SQL or a formula. */
class RegionNameTests {

	@Test
	void realNamesPass() {
		for (var name : new String[] { "西街社区居民委员会", "新疆维吾尔自治区", "呼和浩特市（新城区）", "阿拉山口市",
				"金塔县鼎新镇(航天镇)", "巴音郭楞蒙古自治州", "七一·八一社区", "第十三师、红星二场", "A区社区", "ｅ时代社区",
				"Hami city", "\ue08b家村" }) {
			assertThat(RegionCsv.NAME.matcher(name).matches()).as(name).isTrue();
		}
	}

	@Test
	void markupQuotesSemicolonsAndFormulasAreRefused() {
		for (var name : new String[] { "<script>alert(1)</script>", "西街'); drop table region_region; --",
				"=HYPERLINK(\"http://x\")", "+cmd", "@SUM(1)", "名称\t带制表符", "名\"称", " 前后空格 ", "a&b" }) {
			assertThat(RegionCsv.NAME.matcher(name).matches()).as(name).isFalse();
		}
	}

}
