package io.grassroots.cases;

import java.util.List;

/**
 * The matters of the demo cases: written for the demo, synthetic, in the words residents and staff use. Every
 * description ends with the demo mark.
 */
final class CaseDemoTexts {

	static final String MARK = "【演示数据】";

	private CaseDemoTexts() {
	}

	/** One kind of demo matter: its category and a title with a description. */
	record Matter(String standard, String code, String title, String description) {

		CategoryKey category() {
			return new CategoryKey(standard, code);
		}

	}

	static final List<Matter> MATTERS = List.of(
			new Matter("CJT214", "E0502", "早市摊点占道经营", "清晨菜贩在人行道上摆摊，行人只能走机动车道。"),
			new Matter("CJT214", "E0501", "流动摊贩无照经营", "学校门口有流动摊贩卖烤肠，没有任何证照。"),
			new Matter("CJT214", "E0102", "垃圾桶满溢", "小区东门垃圾桶已经满溢两天，气味很大。"),
			new Matter("CJT214", "E0103", "建筑垃圾乱堆", "楼下空地堆了装修垃圾，一直没人清运。"),
			new Matter("CJT214", "E0101", "楼顶私搭乱建", "顶楼住户在楼顶加盖彩钢房，担心安全。"),
			new Matter("CJT214", "E0109", "餐馆油烟扰民", "临街餐馆排烟管直对住户窗户，油烟很重。"),
			new Matter("CJT214", "E0110", "夜间噪声扰民", "夜里十二点后KTV声音很大，影响休息。"),
			new Matter("CJT214", "E0301", "工地夜间施工", "工地晚上十一点还在打桩，噪声扰民。"),
			new Matter("CJT214", "E0302", "工地扬尘", "工地没有覆盖防尘网，刮风时尘土飞扬。"),
			new Matter("CJT214", "E0402", "自来水管破裂", "路口自来水管爆裂，水漫到路面。"),
			new Matter("CJT214", "E0404", "下水道堵塞反味", "单元门口下水井堵塞，污水外溢。"),
			new Matter("CJT214", "E0407", "人行道积雪结冰", "人行道积雪未清，已经有老人滑倒。"),
			new Matter("CJT214", "E0504", "机动车占用消防通道", "小区消防通道长期停放私家车。"),
			new Matter("CJT214", "E0505", "共享单车乱停放", "地铁口共享单车乱停，堵住盲道。"),
			new Matter("CJT214", "E0601", "遛狗不牵绳", "小区内有人遛大型犬不牵绳，孩子害怕。"),
			new Matter("CJT214", "P0101", "上水井盖缺失", "人行道上水井盖不见了，晚上很危险。"),
			new Matter("CJT214", "P0111", "路灯不亮", "小区门口路灯坏了一周，晚上漆黑一片。"),
			new Matter("CJT214", "P0301", "垃圾桶破损", "垃圾桶盖子坏了，野猫翻得满地都是。"),
			new Matter("CJT214", "P0201", "公交站亭玻璃破碎", "公交站亭玻璃碎了，有划伤风险。"),
			new Matter("CJT214", "P0402", "行道树倾斜", "大风后行道树倾斜，压在电线上。"),
			new Matter("MATTERS", "010103", "暖气不热", "家里暖气片温度很低，室温不到十五度。"),
			new Matter("MATTERS", "010201", "物业不作为", "楼道灯坏了多次报修，物业一直不修。"),
			new Matter("MATTERS", "010202", "电梯频繁故障", "单元电梯一个月坏了三次，老人上下楼困难。"),
			new Matter("MATTERS", "040101", "超市售卖过期食品", "在超市买到过期的牛奶。"),
			new Matter("MATTERS", "040201", "商铺价格欺诈", "水果店标价与结算价不一致。"),
			new Matter("MATTERS", "050101", "拖欠农民工工资", "工地拖欠工人三个月工资。"),
			new Matter("MATTERS", "060202", "独居老人需要照看", "楼上独居老人几天没出门，担心身体。"),
			new Matter("MATTERS", "070103", "校门口交通拥堵", "放学时校门口车辆乱停，孩子过马路危险。"),
			new Matter("MATTERS", "090201", "楼道堆放杂物", "楼道里堆了纸箱和电动车，有火灾隐患。"),
			new Matter("MATTERS", "110201", "物业费纠纷", "业主与物业因涨物业费发生争执。"));

	static final List<String> REJECT_REASONS = List.of("不属于受理范围，已告知反映人向法院起诉", "反映内容不具体，无法核实");

	static final List<String> RETURN_REASONS = List.of("该事项属于水利部门职责，请改派", "不属于本部门职责范围");

	static final List<String> RESULTS = List.of("已现场处置完毕，附整改照片", "已责令当事人整改，复查合格", "已协调相关单位修复",
			"已清理完毕并加强巡查");

}
