package io.grassroots.grid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Service;

/**
 * Exports a grid's household register as CSV (UTF-8 with BOM, for Excel) or .xlsx, in the import's column layout.
 * Personal data is exported exactly as the reader may see it: masked unless the role may see it in clear.
 */
@Service
public class HouseholdExport {

	private final Households households;

	HouseholdExport(Households households) {
		this.households = households;
	}

	public byte[] csv(GridId grid) {
		var out = new ByteArrayOutputStream();
		try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				var printer = CSVFormat.RFC4180.builder().get().print(writer)) {
			writer.write('\uFEFF');
			printer.printRecord(HouseholdFile.COLUMNS);
			for (var row : rows(grid)) {
				printer.printRecord(row);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public byte[] excel(GridId grid) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("households");
			var rows = new java.util.ArrayList<List<String>>();
			rows.add(HouseholdFile.COLUMNS);
			rows.addAll(rows(grid));
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				var values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					row.createCell(c).setCellValue(values.get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<List<String>> rows(GridId grid) {
		return households.inGrid(grid)
			.stream()
			.map(h -> List.of(nz(h.building()), h.address(), nz(h.unit()), nz(h.room()), h.headName(),
					String.valueOf(h.members()), h.phone(), h.idNumber(),
					String.join(";", h.tags().stream().sorted().map(Enum::name).toList())))
			.toList();
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}
