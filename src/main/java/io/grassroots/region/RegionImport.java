package io.grassroots.region;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import io.grassroots.shared.ImportReport;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Component;

/**
 * Reads region CSV files and checks every row: layout, codes, names, parents that exist in the files or in the
 * tree, duplicates. It writes nothing; {@link RegionWriter} applies a clean result.
 */
@Component
class RegionImport {

	static final int MAX_PROBLEMS = 200;

	private final RegionWriter writer;

	private final RegionProperties properties;

	RegionImport(RegionWriter writer, RegionProperties properties) {
		this.writer = writer;
		this.properties = properties;
	}

	/** One uploaded file. */
	record Upload(String name, byte[] content) {
	}

	/** A checked row, ready to write. */
	record Row(RegionCode code, String name, RegionCode parent, String source, long line) {
	}

	/** The rows of all files, or the problems that refuse them. */
	record Checked(List<Row> rows, List<Problem> problems) {
	}

	Checked check(List<Upload> uploads, RegionCode within, LongConsumer progress) {
		var problems = new ArrayList<Problem>();
		var rows = new LinkedHashMap<RegionCode, Row>();
		for (var upload : uploads) {
			readFile(upload, rows, problems, progress);
		}
		rows.values()
			.stream()
			.filter(row -> !within.covers(row.code()))
			.limit(MAX_PROBLEMS)
			.forEach(row -> problems.add(Problem.of(row.source(), row.line(), "code", "region.import.outsideScope", row.code())));
		if (problems.isEmpty()) {
			checkParents(rows, problems);
		}
		var sorted = rows.values().stream().sorted(Comparator.comparingInt((Row r) -> r.code().depth())).toList();
		return new Checked(sorted, problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
	}

	/** Checks and, when every row is clean, writes all of them; either everything is applied or nothing. */
	ImportReport run(List<Upload> uploads, RegionCode within, String actorId, String actorName,
			LongConsumer progress) {
		var checked = check(uploads, within, progress);
		if (!checked.problems().isEmpty()) {
			return ImportReport.refused(checked.problems());
		}
		return writer.apply(checked.rows(), uploads.stream().map(Upload::name).toList(), actorId, actorName, progress);
	}

	private void readFile(Upload upload, Map<RegionCode, Row> rows, List<Problem> problems, LongConsumer progress) {
		if (upload.content().length > properties.importMaxBytes()) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.tooLarge", properties.importMaxBytes() / 1024 / 1024));
			return;
		}
		var text = decodeUtf8(upload, problems);
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
				problems.add(Problem.of(upload.name(), 1, String.join(",", parser.getHeaderNames()),
						"region.import.wrongColumns", RegionFile.expectedHeaders()));
				return;
			}
			for (var record : parser) {
				if (rows.size() >= properties.importMaxRows()) {
					problems.add(Problem.of(upload.name(), record.getRecordNumber() + 1, "", "region.import.tooManyRows",
							properties.importMaxRows()));
					return;
				}
				readRow(upload.name(), file, record, rows, problems);
				progress.accept(1);
				if (problems.size() > MAX_PROBLEMS) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.unreadable", e.getMessage()));
		}
	}

	private static String decodeUtf8(Upload upload, List<Problem> problems) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var in = ByteBuffer.wrap(upload.content());
		var out = CharBuffer.allocate(upload.content().length + 1);
		var result = decoder.decode(in, out, true);
		if (result.isError()) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.notUtf8", in.position()));
			return null;
		}
		var text = out.flip().toString();
		if (text.indexOf('\u0000') >= 0) {
			problems.add(Problem.of(upload.name(), 0, "", "region.import.binary"));
			return null;
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
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

	private static String nameProblem(String name) {
		if (name == null || name.isBlank()) {
			return "region.import.emptyName";
		}
		if (name.length() > 100) {
			return "region.import.longName";
		}
		if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
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

	private void checkParents(Map<RegionCode, Row> rows, List<Problem> problems) {
		var missing = new HashSet<RegionCode>();
		for (var row : rows.values()) {
			if (row.parent() != null && !rows.containsKey(row.parent())) {
				missing.add(row.parent());
			}
		}
		Set<RegionCode> existing = writer.existing(missing);
		for (var row : rows.values()) {
			if (row.parent() != null && !rows.containsKey(row.parent()) && !existing.contains(row.parent())) {
				problems.add(Problem.of(row.source(), row.line(), "parent", "region.import.parentMissing", row.parent()));
				if (problems.size() > MAX_PROBLEMS) {
					return;
				}
			}
		}
	}

}
