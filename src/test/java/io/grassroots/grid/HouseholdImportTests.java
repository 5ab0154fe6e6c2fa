package io.grassroots.grid;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.grassroots.testing.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@WithUserDetails("admin")
class HouseholdImportTests {

	MockMvc mvc;

	@Autowired
	GridManagement management;

	@Autowired
	Households households;

	GridId grid;

	static int drawn;

	@BeforeEach
	void drawAGrid(@Autowired WebApplicationContext context) {
		mvc = SecuredMvc.of(context);
		var west = 88.60 + 0.01 * drawn++;
		grid = management.draw(new GridForm("652302001004", "住户测试网格" + drawn, GridKind.RESIDENTIAL,
				ManagementType.ROUTINE, "{\"type\":\"Polygon\",\"coordinates\":" + GridImportTests.square(west, 44.2, 0.005) + "}",
				CoordinateSystem.WGS84)).id();
	}

	List<HouseholdView> stored() {
		SecuredMvc.restoreContext();
		return households.inGrid(grid);
	}

	static MockMultipartFile csv(String text) {
		return new MockMultipartFile("file", "households.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	static MockMultipartFile xlsx(List<List<String>> rows) throws Exception {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return new MockMultipartFile("file", "households.bin", "application/octet-stream", out.toByteArray());
		}
	}

	@Test
	void aGoodCsvWithChineseHeadersImportsEveryRow() throws Exception {
		mvc.perform(multipart("/api/grids/" + grid + "/households/import").file(csv("""
				楼栋,地址,单元,房号,户主,人数,电话,身份证号,标签
				1号楼,博峰小区1号楼,1单元,101,测试甲,3,13912345678,11010519491231002X,独居老人
				1号楼,博峰小区1号楼,1单元,102,测试乙,2,,,低保;残疾
				""")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(2));
		var list = stored();
		assertThat(list).extracting(HouseholdView::headName).containsExactlyInAnyOrder("测**", "测**");
		assertThat(list).filteredOn(h -> h.room().equals("102")).first()
			.satisfies(h -> assertThat(h.tags()).containsExactlyInAnyOrder(HouseholdTag.LOW_INCOME, HouseholdTag.DISABLED));
	}

	@Test
	void aGoodExcelFileImportsEveryRow() throws Exception {
		mvc.perform(multipart("/api/grids/" + grid + "/households/import").file(xlsx(List.of(
				List.of("building", "address", "unit", "room", "headName", "members", "phone", "idNumber", "tags"),
				List.of("2号楼", "博峰小区2号楼", "1单元", "201", "测试丙", "4", "0994-2345678", "", "KEY_PERSON")))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(1));
		assertThat(stored()).hasSize(1);
	}

	@Test
	void aBadCsvIsRefusedWithAReasonPerRowAndNothingIsImported() throws Exception {
		mvc.perform(multipart("/api/grids/" + grid + "/households/import").file(csv("""
				building,address,unit,room,headName,members,phone,idNumber,tags
				1号楼,好地址,1单元,101,测试丁,3,13912345678,,
				1号楼,坏电话,1单元,102,测试戊,3,12345,,
				1号楼,坏身份证,1单元,103,测试己,3,,110105194912310021,
				1号楼,没有户主,1单元,104,,3,,,
				1号楼,人数不对,1单元,105,测试庚,many,,,外星人
				""")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(5)))
			.andExpect(jsonPath("$.errors[0].where").value("households.csv:3:phone"))
			.andExpect(jsonPath("$.errors[1].where").value("households.csv:4:idNumber"))
			.andExpect(jsonPath("$.errors[2].where").value("households.csv:5:headName"))
			.andExpect(jsonPath("$.errors[3].where").value("households.csv:6:members"))
			.andExpect(jsonPath("$.errors[4].where").value("households.csv:6:tags"));
		assertThat(stored()).isEmpty();
	}

	@Test
	void aBadExcelFileIsRefusedWithAReasonPerRowAndNothingIsImported() throws Exception {
		mvc.perform(multipart("/api/grids/" + grid + "/households/import").file(xlsx(List.of(
				List.of("地址", "户主", "人数", "电话"),
				List.of("好地址", "测试辛", "2", "13800000000"),
				List.of("坏地址", "测试壬", "0", "13800000000")))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].where").value("households.bin:3:members"));
		assertThat(stored()).isEmpty();
	}

	@Test
	void aFileThatIsNeitherCsvNorExcelIsRefused() throws Exception {
		mvc.perform(multipart("/api/grids/" + grid + "/households/import")
				.file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 1, 2 })))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)));
		mvc.perform(multipart("/api/grids/" + grid + "/households/import").file(csv("名字,年龄\n张三,3\n")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("address")));
		assertThat(stored()).isEmpty();
	}

	@Test
	void theExportMasksPersonalDataForReadersWhoMayNotSeeIt() throws Exception {
		households.register(grid, new HouseholdForm("1号楼", "导出测试", "1单元", "101", "测试癸", 2, "13912345678",
				"11010519491231002X", java.util.Set.of(HouseholdTag.ELDERLY_ALONE)));
		mvc.perform(get("/grids/" + grid + "/households/export").param("format", "csv"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(containsString("1101**********002X")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("13912345678"))));
		var excel = mvc.perform(get("/grids/" + grid + "/households/export").param("format", "xlsx"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(HouseholdFile.read(excel)).singleElement()
			.satisfies(line -> assertThat(line.values().get("phone")).isEqualTo("139****5678"));
	}

}
