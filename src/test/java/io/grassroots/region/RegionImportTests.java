package io.grassroots.region;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.RegionManagement.ImportFile;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Region imports check every row first: a malformed or hostile file is refused with a report of what is wrong where,
 * and nothing is written; a clean import is idempotent. Each test runs in a transaction that is rolled back.
 */
@IntegrationTest
@Transactional
class RegionImportTests {

	@Autowired
	RegionManagement management;

	@Autowired
	Regions regions;

	@Autowired
	RegionProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	TestAccounts accounts;

	TestAccount admin;

	@BeforeEach
	void openAdministrator() {
		accounts = TestAccounts.in(context);
		admin = accounts.open("import-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, RegionCode.ROOT.value());
	}

	@Test
	void wrongColumnsAreRefusedWithTheLayoutsThatWouldBeAccepted() {
		var report = refused(file("areas.csv", "code,title,parent\n950101,测试区,9501\n"));
		assertThat(report.refused()).singleElement().satisfies(problem -> {
			assertThat(problem).extracting(Problem::source, Problem::line, Problem::column, Problem::messageKey)
				.containsExactly("areas.csv", 1L, "code,title,parent", "region.import.wrongColumns");
			assertThat(problem.arguments().get(0)).contains("code,name,cityCode,provinceCode");
		});
	}

	@Test
	void codesOfTheWrongLevelOrWithLettersAreRefusedAtTheirLine() {
		var report = refused(file("provinces.csv", "code,name\n95,测试省\n9A,字母省\n950,三位省\n"),
				file("cities.csv", "code,name,provinceCode\n9500,零号市,95\n"));
		assertThat(report.refused()).extracting(Problem::source, Problem::line, Problem::column, Problem::messageKey)
			.containsExactly(tuple("provinces.csv", 3L, "code", "region.import.badCode"),
					tuple("provinces.csv", 4L, "code", "region.import.badCode"),
					tuple("cities.csv", 2L, "code", "region.import.badCode"));
	}

	@Test
	void aParentThatIsNeitherInTheFilesNorInTheTreeIsRefused() {
		var report = refused(file("cities.csv", "code,name,provinceCode\n9501,测试市,95\n"));
		assertThat(report.refused()).extracting(Problem::source, Problem::line, Problem::column, Problem::messageKey,
				Problem::arguments)
			.containsExactly(tuple("cities.csv", 2L, "parent", "region.import.parentMissing", List.of("950000000000")));
	}

	@Test
	void ancestorColumnsMustMatchTheCode() {
		var report = refused(file("areas.csv", "code,name,cityCode,provinceCode\n950101,测试区,9502,95\n"));
		assertThat(report.refused()).extracting(Problem::line, Problem::column, Problem::messageKey)
			.containsExactly(tuple(2L, "cityCode", "region.import.ancestorMismatch"));
	}

	@Test
	void duplicateCodesAreRefusedWithWhereTheyFirstAppeared() {
		var report = refused(file("provinces.csv", "code,name\n95,测试省\n"),
				file("more-provinces.csv", "code,name\n95,又一个测试省\n"));
		assertThat(report.refused()).extracting(Problem::source, Problem::line, Problem::messageKey, Problem::arguments)
			.containsExactly(tuple("more-provinces.csv", 2L, "region.import.duplicate",
					List.of("950000000000", "provinces.csv", "2")));
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedWhole() {
		var header = "code,name\n";
		var filler = "95,测试省\n".repeat((int) (properties.importMaxBytes() / 10) + 1);
		var report = refused(file("huge.csv", header + filler));
		assertThat(report.refused()).singleElement()
			.extracting(Problem::source, Problem::line, Problem::messageKey)
			.containsExactly("huge.csv", 0L, "region.import.tooLarge");
	}

	@Test
	void filesThatAreNotUtf8AreRefused() {
		var gbk = "code,name\n95,测试省\n".getBytes(Charset.forName("GBK"));
		var report = refused(new ImportFile("provinces-gbk.csv", gbk));
		assertThat(report.refused()).singleElement()
			.extracting(Problem::source, Problem::messageKey)
			.containsExactly("provinces-gbk.csv", "region.import.notUtf8");
	}

	@Test
	void binaryFilesAreRefused() {
		var png = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };
		var report = refused(new ImportFile("provinces.csv", png));
		assertThat(report.refused()).singleElement()
			.extracting(Problem::messageKey)
			.isEqualTo("region.import.binary");
	}

	@Test
	void scriptSqlAndFormulaPayloadsInNamesAreRefused() {
		var report = refused(file("provinces.csv", """
				code,name
				95,"<script>alert(1)</script>"
				96,"测试'); drop table region_region; --"
				97,"=HYPERLINK(""http://example.com"")"
				98,"正常的名称"
				"""));
		assertThat(report.refused()).extracting(Problem::line, Problem::column, Problem::messageKey)
			.containsExactly(tuple(2L, "name", "region.import.badName"), tuple(3L, "name", "region.import.badName"),
					tuple(4L, "name", "region.import.badName"));
		assertThat(regionsUnder("98")).isZero();
	}

	@Test
	void aRefusedImportWritesNothingEvenWhenAlmostEveryRowIsGood() {
		var rows = new StringBuilder("code,name,provinceCode\n");
		for (int city = 1; city <= 99; city++) {
			rows.append("95").append(String.format("%02d", city)).append(",测试市").append(city).append(",95\n");
		}
		rows.append("9500,零号市,95\n");
		var before = regionsUnder("95");
		var report = refused(file("provinces.csv", "code,name\n95,测试省\n"), file("cities.csv", rows.toString()));
		assertThat(report.refused()).extracting(Problem::line).containsExactly(101L);
		assertThat(regionsUnder("95")).isEqualTo(before).isZero();
	}

	@Test
	void aNewProvinceInTheNationalLayoutsIsAddedThenTheSameFilesChangeNothing() {
		var files = nationalFiles("9901测试村村委会");
		var first = importing(false, files);
		assertThat(first).extracting(ImportReport::added, ImportReport::changed, ImportReport::unchanged,
				ImportReport::applied)
			.containsExactly(6, 0, 0, true);
		assertThat(regionsUnder("99")).isEqualTo(6);
		assertThat(regions.path(RegionCode.of("990101001001"))).extracting(RegionView::level)
			.containsExactly(RegionLevel.PROVINCE, RegionLevel.PREFECTURE, RegionLevel.COUNTY, RegionLevel.STREET,
					RegionLevel.COMMUNITY);

		var again = importing(false, files);
		assertThat(again).extracting(ImportReport::added, ImportReport::changed, ImportReport::unchanged)
			.containsExactly(0, 0, 6);

		var renamed = importing(false, nationalFiles("9901新名字村村委会"));
		assertThat(renamed).extracting(ImportReport::added, ImportReport::changed, ImportReport::unchanged)
			.containsExactly(0, 1, 5);
		assertThat(regions.find(RegionCode.of("990101001001"))).get()
			.extracting(RegionView::name)
			.isEqualTo("9901新名字村村委会");
	}

	@Test
	void aDryRunTellsWhatWouldChangeAndWritesNothing() {
		var report = importing(true, nationalFiles("测试村村委会"));
		assertThat(report).extracting(ImportReport::added, ImportReport::changed, ImportReport::applied)
			.containsExactly(6, 0, false);
		assertThat(regionsUnder("99")).isZero();
	}

	@Test
	void anAdministratorOfAPrefectureCannotImportOutsideIt() {
		var prefecture = accounts.open("prefecture-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "652300000000");
		var report = accounts.as(prefecture, () -> management.importNow(List.of(nationalFiles("测试村")), false));
		assertThat(report.refused()).extracting(Problem::messageKey).containsOnly("region.import.outsideScope");
		assertThat(regionsUnder("99")).isZero();
	}

	@Test
	void onlyAdministratorsImport() {
		var dispatcher = accounts.open("import-dispatcher", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> accounts.as(dispatcher,
				() -> management.importNow(List.of(file("provinces.csv", "code,name\n95,测试省\n")), false)));
	}

	@Test
	void theApiRefusesABadImportAsAProblemThatNamesEveryPlace() throws Exception {
		mvc.perform(multipart("/api/regions/import")
			.file(new MockMultipartFile("files", "bad.csv", "text/csv",
					"code,name\n95,测试省\n9A,字母省\n".getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", admin.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].where").value("bad.csv:3:code"))
			.andExpect(jsonPath("$.errors[0].message").value("代码 9A 不是该文件层级的统计用区划代码。"));
		assertThat(regionsUnder("95")).isZero();
	}

	private ImportReport importing(boolean checkOnly, ImportFile... files) {
		return accounts.as(admin, () -> management.importNow(List.of(files), checkOnly));
	}

	private ImportReport refused(ImportFile... files) {
		var report = importing(false, files);
		assertThat(report.ok()).as("refused").isFalse();
		assertThat(report.applied()).isFalse();
		return report;
	}

	private long regionsUnder(String prefix) {
		return jdbc.sql("select count(*) from region_region where code like :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
	}

	/** A made-up province 99 in the five national layouts, one region per level (two streets). */
	private static ImportFile[] nationalFiles(String villageName) {
		return new ImportFile[] { file("provinces.csv", "code,name\n99,测试省\n"),
				file("cities.csv", "code,name,provinceCode\n9901,测试市,99\n"),
				file("areas.csv", "code,name,cityCode,provinceCode\n990101,测试区,9901,99\n"),
				file("streets.csv", "code,name,areaCode,provinceCode,cityCode\n990101001,测试街道,990101,99,9901\n"
						+ "990101002,测试镇,990101,99,9901\n"),
				file("villages.csv", "code,name,streetCode,provinceCode,cityCode,areaCode\n990101001001,\"" + villageName
						+ "\",990101001,99,9901,990101\n") };
	}

	private static ImportFile file(String name, String content) {
		return new ImportFile(name, content.getBytes(StandardCharsets.UTF_8));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
