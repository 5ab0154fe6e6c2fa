package io.grassroots.region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.RegionManagement.ImportFile;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real national files (国家统计局 2023, from ../shared/data) import cleanly for one province, 新疆 (65), next to
 * the Changji seed that is already there, and a second import changes nothing. Rolled back afterwards.
 */
@IntegrationTest
@Transactional
class NationalRegionImportTests {

	static final Path NATIONAL = Path.of("..", "shared", "data", "admin-divisions", "national");

	static final String PROVINCE = "65";

	static final List<String> FILES = List.of("provinces.csv", "cities.csv", "areas.csv", "streets.csv",
			"villages.csv");

	@Autowired
	RegionManagement management;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void oneProvinceOfTheNationalFilesImportsNextToTheSeedAndAgainChangesNothing() throws IOException {
		assumeTrue(FILES.stream().allMatch(name -> Files.isRegularFile(NATIONAL.resolve(name))),
				() -> "Skipped: the national region files are not at " + NATIONAL.toAbsolutePath().normalize()
						+ " (they live in the shared data folder next to the project)");
		var files = new ArrayList<ImportFile>();
		var rows = 0;
		for (var name : FILES) {
			var lines = onlyProvince(NATIONAL.resolve(name));
			rows += lines.size() - 1;
			files.add(new ImportFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
		}
		var accounts = TestAccounts.in(context);
		var admin = accounts.open("national-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, RegionCode.ROOT.value());

		var first = accounts.as(admin, () -> management.importNow(files, false));
		assertThat(first.refused()).isEmpty();
		assertThat(first.added() + first.changed() + first.unchanged()).isEqualTo(rows);
		assertThat(first.unchanged()).as("the Changji seed rows equal the national ones").isGreaterThan(1000);
		assertThat(jdbc.sql("select count(*) from region_region where code like '65%'").query(Long.class).single())
			.isEqualTo(rows);
		assertThat(regions.children(RegionCode.of("650000000000"))).extracting(RegionView::name)
			.contains("乌鲁木齐市", "昌吉回族自治州", "喀什地区");

		var second = accounts.as(admin, () -> management.importNow(files, false));
		assertThat(second).extracting(ImportReport::added, ImportReport::changed, ImportReport::unchanged)
			.containsExactly(0, 0, rows);
	}

	/** The header and the rows of the province: its own row in provinces.csv, rows naming it elsewhere. */
	private static List<String> onlyProvince(Path file) throws IOException {
		var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		var header = List.of(lines.get(0).split(","));
		var column = header.contains("provinceCode") ? header.indexOf("provinceCode") : header.indexOf("code");
		return lines.stream()
			.filter(line -> line == lines.get(0) || PROVINCE.equals(line.split(",")[column]))
			.collect(Collectors.toList());
	}

}
