package io.grassroots.region;

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

import org.springframework.stereotype.Component;

/**
 * Reads region CSV files and checks every row: layout, codes, names, parents that exist in the files or in the
 * tree, duplicates. It writes nothing; {@link RegionWriter} applies a clean result.
 */
@Component
class RegionImport {

	static final int MAX_PROBLEMS = 200;

	private final RegionWriter writer;

	private final RegionCsv csv;

	RegionImport(RegionWriter writer, RegionProperties properties) {
		this.writer = writer;
		this.csv = new RegionCsv(properties);
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
			csv.read(upload, rows, problems, progress);
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

	/** Checks every row and tells what an import would add and change, writing nothing. */
	ImportReport preview(List<Upload> uploads, RegionCode within, LongConsumer progress) {
		var checked = check(uploads, within, progress);
		if (!checked.problems().isEmpty()) {
			return ImportReport.refused(checked.problems());
		}
		return writer.preview(checked.rows(), progress);
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
