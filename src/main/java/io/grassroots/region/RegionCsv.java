package io.grassroots.region;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import io.grassroots.region.RegionImport.Row;
import io.grassroots.region.RegionImport.Upload;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one region CSV file: size, encoding and layout first, then every row (code of the file's level, ancestors
 * that match it, a name of allowed characters, a parent one level up, no code twice). Each problem is noted with
 * the file, line and column; nothing is written.
 */
final class RegionCsv {

	/**
	 * What a region name may hold: letters of any script (with their marks), digits, the private-use characters that
	 * the national files use for rare Han characters, inner spaces, and the punctuation real names have (brackets,
	 * hyphens, the middle dot, the ideographic comma). Markup, quotes, semicolons and formula signs are refused.
	 */
	private static final String NAME_CHARACTERS = "\\p{L}\\p{M}\\p{N}\\p{Co}()（）\\-－—·・、.";

	static final Pattern NAME = Pattern
		.compile("[" + NAME_CHARACTERS + "]([" + NAME_CHARACTERS + " ]*[" + NAME_CHARACTERS + "])?");

	private final RegionProperties limits;

	RegionCsv(RegionProperties limits) {
		this.limits = limits;
	}

	/** Reads one file into {@code rows} (keyed by code, across files) and adds every problem found. */
	void read(Upload upload, Map<RegionCode, Row> rows, List<Problem> problems, LongConsumer progress) {
		if (upload.content().length > limits.importMaxBytes()) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.tooLarge", upload.content().length,
					limits.importMaxBytes()));
			return;
		}
		if (CsvText.isBinary(upload.content())) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.binary"));
			return;
		}
		var text = CsvText.decodeUtf8(upload, problems);
		if (text == null) {
			return;
		}
		try (var parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreSurroundingSpaces(true)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(new StringReader(text))) {
			var file = RegionFile.detect(parser.getHeaderNames());
			if (file == null) {
				var header = String.join(",", parser.getHeaderNames());
				problems.add(Problem.of(upload.name(), 1, header.length() > 200 ? header.substring(0, 200) + "…" : header,
						"region.import.wrongColumns", RegionFile.expectedHeaders()));
				return;
			}
			for (var record : parser) {
				if (rows.size() >= limits.importMaxRows()) {
					problems.add(Problem.of(upload.name(), record.getRecordNumber() + 1, "", "region.import.tooManyRows",
							limits.importMaxRows()));
					return;
				}
				readRow(upload.name(), file, record, rows, problems);
				progress.accept(1);
				if (problems.size() > RegionImport.MAX_PROBLEMS) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.unreadable", e.getMessage()));
		}
	}

	private static void readRow(String source, RegionFile file, CSVRecord record, Map<RegionCode, Row> rows,
			List<Problem> problems) {
		var line = record.getRecordNumber() + 1;
		if (!record.isConsistent()) {
			problems.add(Problem.of(source, line, "", "region.import.columnCount", file.columns.size(), record.size()));
			return;
		}
		var rawCode = record.get(file.codeColumn());
		var code = parseCode(file, rawCode);
		if (code == null) {
			problems.add(Problem.of(source, line, file.codeColumn(), "region.import.badCode", rawCode));
			return;
		}
		var ancestor = ancestorMismatch(file, record, code);
		if (ancestor != null) {
			problems.add(Problem.of(source, line, ancestor, "region.import.ancestorMismatch", ancestor,
					record.get(ancestor), rawCode));
			return;
		}
		var name = record.get("name");
		var nameProblem = nameProblem(name);
		if (nameProblem != null) {
			problems.add(Problem.of(source, line, "name", nameProblem, name));
			return;
		}
		var parent = parentOf(file, record, code, source, line, problems);
		if (parent == Parent.INVALID) {
			return;
		}
		if (file == RegionFile.SUBTREE && !levelMatches(record.get("level"), code)) {
			problems.add(Problem.of(source, line, "level", "region.import.levelMismatch", record.get("level"), rawCode));
			return;
		}
		if (rows.containsKey(code)) {
			var first = rows.get(code);
			problems.add(Problem.of(source, line, file.codeColumn(), "region.import.duplicate", code, first.source(), first.line()));
			return;
		}
		rows.put(code, new Row(code, name.strip(), parent.code(), source, line));
	}

	private static RegionCode parseCode(RegionFile file, String raw) {
		if (raw == null) {
			return null;
		}
		if (file == RegionFile.SUBTREE) {
			return RegionCode.isValid(raw) && !RegionCode.of(raw).isRoot() ? RegionCode.of(raw) : null;
		}
		if (raw.length() != file.codeLength || !raw.chars().allMatch(Character::isDigit)) {
			return null;
		}
		var code = RegionCode.padded(raw);
		return code.prefix().length() == file.codeLength ? code : null;
	}

	/** The first column of a national layout that names an ancestor the code does not start with, or null. */
	private static String ancestorMismatch(RegionFile file, CSVRecord record, RegionCode code) {
		if (file == RegionFile.SUBTREE) {
			return null;
		}
		return file.columns.stream()
			.filter(column -> column.endsWith("Code"))
			.filter(column -> !code.value().startsWith(record.get(column)) || record.get(column).length() >= file.codeLength
					|| !record.get(column).matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}"))
			.findFirst()
			.orElse(null);
	}

	private static String nameProblem(String name) {
		if (name == null || name.isBlank()) {
			return "region.import.emptyName";
		}
		if (name.length() > 100) {
			return "region.import.longName";
		}
		if (!NAME.matcher(name.strip()).matches()) {
			return "region.import.badName";
		}
		return null;
	}

	private record Parent(RegionCode code) {

		static final Parent INVALID = new Parent(null);

	}

	private static Parent parentOf(RegionFile file, CSVRecord record, RegionCode code, String source, long line,
			List<Problem> problems) {
		if (file.parentColumn == null) {
			return new Parent(null);
		}
		var raw = record.get(file.parentColumn);
		if (file == RegionFile.SUBTREE && (raw == null || raw.isBlank())) {
			return code.depth() == 1 ? new Parent(null) : invalid(problems, source, line, file, raw);
		}
		if (raw == null || !raw.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
			return invalid(problems, source, line, file, raw);
		}
		var parent = RegionCode.padded(raw);
		if (parent.isRoot() || parent.depth() >= code.depth() || !parent.covers(code)) {
			return invalid(problems, source, line, file, raw);
		}
		return new Parent(parent);
	}

	private static Parent invalid(List<Problem> problems, String source, long line, RegionFile file, String raw) {
		problems.add(Problem.of(source, line, file.parentColumn, "region.import.badParent", raw));
		return Parent.INVALID;
	}

	private static boolean levelMatches(String level, RegionCode code) {
		var depth = RegionFile.SUBTREE_LEVELS.get(level == null ? "" : level.strip());
		return depth != null && depth == code.depth();
	}

}
