package io.grassroots.region;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;

import io.grassroots.shared.DemoData;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * Demo registers for the Changji tree: the usual departments of every county, a working committee for every street
 * and township, a party committee for every community and village. Names follow local practice; people are made up.
 */
@Component
class RegionDemoData implements DemoData {

	static final RegionCode CHANGJI_PREFECTURE = RegionCode.padded("6523");

	private static final Map<DepartmentKind, String> SUFFIX = new EnumMap<>(Map.ofEntries(
			Map.entry(DepartmentKind.URBAN_MANAGEMENT, "城市管理局"),
			Map.entry(DepartmentKind.MARKET_SUPERVISION, "市场监督管理局"), Map.entry(DepartmentKind.PUBLIC_SECURITY, "公安局"),
			Map.entry(DepartmentKind.HOUSING, "住房和城乡建设局"), Map.entry(DepartmentKind.ECOLOGY_ENVIRONMENT, "生态环境分局"),
			Map.entry(DepartmentKind.TRANSPORT, "交通运输局"), Map.entry(DepartmentKind.HEALTH, "卫生健康委员会"),
			Map.entry(DepartmentKind.HUMAN_RESOURCES, "人力资源和社会保障局"), Map.entry(DepartmentKind.EDUCATION, "教育局"),
			Map.entry(DepartmentKind.CIVIL_AFFAIRS, "民政局"), Map.entry(DepartmentKind.EMERGENCY_MANAGEMENT, "应急管理局"),
			Map.entry(DepartmentKind.WATER, "水利局")));

	private final Regions regions;

	private final DepartmentRepository departments;

	private final PartyOrganisationRepository organisations;

	RegionDemoData(Regions regions, DepartmentRepository departments, PartyOrganisationRepository organisations) {
		this.regions = regions;
		this.departments = departments;
		this.organisations = organisations;
	}

	@Override
	public String name() {
		return "region.departments-and-party-organisations";
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public void load() {
		// Built first and saved in batches (saveAll inserts new aggregates in one JDBC batch per table): a thousand
		// single saves cost about a second of a first start.
		var newDepartments = new ArrayList<Department>();
		for (var county : regions.within(CHANGJI_PREFECTURE, RegionLevel.COUNTY)) {
			SUFFIX.forEach((kind, suffix) -> newDepartments.add(Department.register(county.code(), kind,
					county.name() + suffix, null, null)));
		}
		departments.saveAll(newDepartments);
		var newOrganisations = new ArrayList<PartyOrganisation>();
		for (var street : regions.within(CHANGJI_PREFECTURE, RegionLevel.STREET)) {
			var name = street.name() + (street.name().endsWith("街道") ? "党工委" : "党委");
			newOrganisations.add(PartyOrganisation.found(street.code(), PartyLevel.STREET_WORKING_COMMITTEE, name, null, 0));
		}
		for (var community : regions.within(CHANGJI_PREFECTURE, RegionLevel.COMMUNITY)) {
			var shortName = community.shortName();
			var name = shortName + (shortName.endsWith("社区") ? "大党委" : "党支部");
			newOrganisations.add(PartyOrganisation.found(community.code(), PartyLevel.COMMUNITY_COMMITTEE, name, null, 0));
		}
		organisations.saveAll(newOrganisations);
	}

}
