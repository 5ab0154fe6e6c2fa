package io.grassroots.region;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.grassroots.region.RegionImport.Row;
import io.grassroots.region.RegionImport.Upload;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading one CSV file against small limits, without a database. */
class RegionCsvTests {

	final RegionCsv csv = new RegionCsv(new RegionProperties("", 64, 3));

	final LinkedHashMap<RegionCode, Row> rows = new LinkedHashMap<>();

	final List<Problem> problems = new ArrayList<>();

	@Test
	void aFileOverTheByteLimitIsRefusedBeforeItIsRead() {
		var text = "code,name\n" + "95,测试省\n".repeat(10);
		read(text);
		var size = String.valueOf(text.getBytes(StandardCharsets.UTF_8).length);
		assertThat(problems).singleElement()
			.extracting(Problem::line, Problem::messageKey, Problem::arguments)
			.containsExactly(0L, "region.import.tooLarge", List.of(size, "64"));
		assertThat(rows).isEmpty();
	}

	@Test
	void rowsOverTheRowLimitAreRefusedAtTheFirstOneTooMany() {
		read("code,name\n95,甲\n96,乙\n97,丙\n98,丁\n");
		assertThat(problems).singleElement()
			.extracting(Problem::line, Problem::messageKey)
			.containsExactly(5L, "region.import.tooManyRows");
	}

	@Test
	void aByteOrderMarkAndQuotedNamesAreFine() {
		read("\uFEFFcode,name\n95,\"测试省\"\n");
		assertThat(problems).isEmpty();
		assertThat(rows.values()).extracting(Row::name).containsExactly("测试省");
	}

	@Test
	void aRowWithTooFewColumnsIsRefusedAtItsLine() {
		read("code,name,provinceCode\n9501\n");
		assertThat(problems).extracting(Problem::line, Problem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "region.import.columnCount"));
	}

	private void read(String text) {
		csv.read(new Upload("test.csv", text.getBytes(StandardCharsets.UTF_8)), rows, problems, n -> {
		});
	}

}
