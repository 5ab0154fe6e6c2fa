package io.grassroots.grid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a household register file: CSV (UTF-8, with a header row) or Excel (.xlsx, first sheet, header in the
 * first row), told apart by content (an .xlsx file is a ZIP archive), never by name. Columns are found by their
 * header, in English or Chinese.
 */
final class HouseholdFile {

	static final List<String> COLUMNS = List.of("building", "address", "unit", "room", "headName", "members", "phone",
			"idNumber", "tags");

	private static final Map<String, String> CHINESE = Map.of("楼栋", "building", "地址", "address", "单元", "unit",
			"房号", "room", "户主", "headName", "人数", "members", "电话", "phone", "身份证号", "idNumber", "标签", "tags");

	private HouseholdFile() {
	}

	/** A data row: its 1-based line (row) number and its values by column. */
	record Line(long number, Map<String, String> values) {

		HouseholdCheck.Raw raw() {
			return new HouseholdCheck.Raw(values.get("building"), values.get("address"), values.get("unit"),
					values.get("room"), values.get("headName"), values.get("members"), values.get("phone"),
					values.get("idNumber"), values.get("tags"));
		}

	}

	static boolean isExcel(byte[] content) {
		return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	/** The rows; throws {@link IllegalArgumentException} with a message key when the file cannot be read at all. */
	static List<Line> read(byte[] content) {
		try {
			return isExcel(content) ? excel(content) : csv(content);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof IllegalArgumentException i && i.getMessage() != null && i.getMessage().startsWith("grid.")) {
				throw i;
			}
			throw new IllegalArgumentException("grid.household.unreadable", e);
		}
	}

	private static List<Line> csv(byte[] content) throws IOException {
		var text = new String(content, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') >= 0 || text.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("grid.household.notUtf8");
		}
		try (var parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreSurroundingSpaces(true)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(new StringReader(text.replace("\uFEFF", "")))) {
			var columns = columns(parser.getHeaderNames());
			var lines = new ArrayList<Line>();
			for (var record : parser) {
				var values = new HashMap<String, String>();
				for (int i = 0; i < columns.size() && i < record.size(); i++) {
					if (columns.get(i) != null) {
						values.put(columns.get(i), record.get(i));
					}
				}
				lines.add(new Line(record.getRecordNumber() + 1, values));
			}
			return lines;
		}
	}

	private static List<Line> excel(byte[] content) throws IOException {
		try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			var sheet = workbook.getSheetAt(0);
			var format = new DataFormatter();
			var header = sheet.getRow(sheet.getFirstRowNum());
			if (header == null) {
				throw new IllegalArgumentException("grid.household.noHeader");
			}
			var names = new ArrayList<String>();
			header.forEach(cell -> names.add(format.formatCellValue(cell)));
			var columns = columns(names);
			var lines = new ArrayList<Line>();
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				var values = new HashMap<String, String>();
				for (int i = 0; i < columns.size(); i++) {
					if (columns.get(i) != null) {
						values.put(columns.get(i), format.formatCellValue(row.getCell(i)));
					}
				}
				if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
					continue;
				}
				lines.add(new Line(r + 1, values));
			}
			return lines;
		}
	}

	private static List<String> columns(List<String> headers) {
		var columns = new ArrayList<String>();
		for (var header : headers) {
			var name = header == null ? "" : header.strip();
			columns.add(COLUMNS.contains(name) ? name : CHINESE.get(name));
		}
		if (!columns.contains("address") || !columns.contains("headName")) {
			throw new IllegalArgumentException("grid.household.wrongColumns");
		}
		return columns;
	}

}
