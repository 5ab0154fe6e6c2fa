package io.grassroots.cases;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.grassroots.region.DepartmentKind;
import io.grassroots.shared.ImportReport.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a category file and checks every row. Two layouts: {@code code,parent,name,department_kind} (codes extend
 * their parent's code), and the three columns {@code 一级分类,二级分类,三级分类}, for which codes are numbered in
 * order (01, 0101, 010101) and the department kind is guessed from the names. Writes nothing.
 */
final class CategoryImport {

	static final int MAX_ROWS = 10_000;

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,20}");

	private CategoryImport() {
	}

	record Checked(List<Category> categories, List<Problem> problems) {
	}

	static Checked check(String standard, String source, byte[] content) {
		var problems = new ArrayList<Problem>();
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content)).toString().replace("\uFEFF", "");
		}
		catch (CharacterCodingException e) {
			return new Checked(List.of(), List.of(Problem.of(source, 0, "", "cases.category.import.notUtf8")));
		}
		List<CSVRecord> records;
		try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
			.parse(new StringReader(text))) {
			records = parser.getRecords();
			var header = parser.getHeaderNames();
			if (records.size() > MAX_ROWS) {
				return new Checked(List.of(), List.of(Problem.of(source, 0, "", "cases.category.import.tooManyRows", MAX_ROWS)));
			}
			if (header.equals(List.of("code", "parent", "name", "department_kind"))) {
				return coded(standard, source, records, problems);
			}
			if (header.equals(List.of("一级分类", "二级分类", "三级分类"))) {
				return threeLevels(standard, source, records, problems);
			}
		}
		catch (IOException | RuntimeException e) {
			return new Checked(List.of(), List.of(Problem.of(source, 0, "", "cases.category.import.unreadable")));
		}
		return new Checked(List.of(), List.of(Problem.of(source, 1, "", "cases.category.import.layout")));
	}

	private static Checked coded(String standard, String source, List<CSVRecord> records, List<Problem> problems) {
		var rows = new LinkedHashMap<String, Category>();
		for (var record : records) {
			var line = record.getRecordNumber() + 1;
			if (record.size() != 4) {
				problems.add(Problem.of(source, line, "", "cases.category.import.columns"));
				continue;
			}
			var code = record.get(0);
			var parent = record.get(1).isEmpty() ? null : record.get(1);
			var name = record.get(2);
			var kind = kind(record.get(3));
			if (!CODE.matcher(code).matches() || rows.containsKey(code)) {
				problems.add(Problem.of(source, line, "code", "cases.category.import.badCode", code));
			}
			else if (parent != null && (!rows.containsKey(parent) || !code.startsWith(parent) || code.equals(parent))) {
				problems.add(Problem.of(source, line, "parent", "cases.category.import.badParent", parent));
			}
			else if (name.isEmpty() || name.length() > 100) {
				problems.add(Problem.of(source, line, "name", "cases.category.import.badName"));
			}
			else if (kind == null) {
				problems.add(Problem.of(source, line, "department_kind", "cases.category.import.badKind", record.get(3)));
			}
			else {
				var depth = parent == null ? 1 : rows.get(parent).depth() + 1;
				rows.put(code, new Category(new CategoryKey(standard, code), parent, depth, name,
						kind.orElse(null), true));
			}
		}
		return new Checked(List.copyOf(rows.values()), problems);
	}

	private static Checked threeLevels(String standard, String source, List<CSVRecord> records, List<Problem> problems) {
		var rows = new LinkedHashMap<String, Category>();
		var codes = new LinkedHashMap<String, String>();
		for (var record : records) {
			var line = record.getRecordNumber() + 1;
			if (record.size() != 3 || record.stream().anyMatch(v -> v.isEmpty() || v.length() > 100)) {
				problems.add(Problem.of(source, line, "", "cases.category.import.columns"));
				continue;
			}
			String parent = null;
			var path = "";
			for (var level = 0; level < 3; level++) {
				path = path + "/" + record.get(level);
				var name = record.get(level);
				var parentCode = parent;
				var siblings = parentCode == null ? rows.values().stream().filter(c -> c.depth() == 1).count()
						: rows.values().stream().filter(c -> parentCode.equals(c.parent())).count();
				if (siblings >= 99 && !codes.containsKey(path)) {
					problems.add(Problem.of(source, line, "", "cases.category.import.tooManyChildren", 99));
					break;
				}
				var code = codes.computeIfAbsent(path,
						p -> (parentCode == null ? "" : parentCode) + String.format("%02d", siblings + 1));
				if (!rows.containsKey(code)) {
					rows.put(code, new Category(new CategoryKey(standard, code), parentCode, level + 1, name,
							DepartmentGuess.from(record.get(2), record.get(1), record.get(0)), true));
				}
				parent = code;
			}
		}
		return new Checked(List.copyOf(rows.values()), problems);
	}

	/** The department kind of a cell: empty (no kind) or a constant of {@link DepartmentKind}; null when unknown. */
	private static java.util.Optional<DepartmentKind> kind(String text) {
		if (text.isEmpty()) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(DepartmentKind.valueOf(text));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static Map<String, Category> byCode(List<Category> categories) {
		var map = new LinkedHashMap<String, Category>();
		categories.forEach(c -> map.put(c.key().code(), c));
		return map;
	}

}
