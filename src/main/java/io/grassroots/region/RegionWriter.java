package io.grassroots.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies checked region rows in one transaction: new codes are added, codes whose name or parent differ are
 * changed, equal ones are left alone. Running the same file twice changes nothing the second time.
 */
@Component
class RegionWriter {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	RegionWriter(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	Set<RegionCode> existing(Collection<RegionCode> codes) {
		var found = new HashSet<RegionCode>();
		for (var chunk : chunks(new ArrayList<>(codes))) {
			jdbc.sql("select code from region_region where code in (:codes)")
				.param("codes", chunk.stream().map(RegionCode::value).toList())
				.query((rs, n) -> RegionCode.of(rs.getString(1)))
				.list()
				.forEach(found::add);
		}
		return found;
	}

	@Transactional
	ImportReport apply(List<RegionImport.Row> rows, List<String> files, String actorId, String actorName,
			LongConsumer progress) {
		int added = 0;
		int changed = 0;
		for (var chunk : chunks(rows)) {
			var stored = stored(chunk);
			for (var row : chunk) {
				var current = stored.get(row.code().value());
				if (current == null) {
					insert(row);
					added++;
				}
				else if (!current.name().equals(row.name()) || !java.util.Objects.equals(current.parent(),
						row.parent() == null ? null : row.parent().value())) {
					update(row);
					changed++;
				}
			}
			progress.accept(chunk.size());
		}
		var report = new ImportReport(added, changed, rows.size() - added - changed, List.of(), true);
		if (added + changed > 0) {
			audit.record(new AuditRecord("region/import", "region.imported", actorId, actorName,
					Map.of("files", files, "added", added, "changed", changed, "unchanged", report.unchanged())));
		}
		return report;
	}

	private record Stored(String name, String parent) {
	}

	private Map<String, Stored> stored(List<RegionImport.Row> chunk) {
		var map = new HashMap<String, Stored>();
		jdbc.sql("select code, name, parent from region_region where code in (:codes)")
			.param("codes", chunk.stream().map(r -> r.code().value()).toList())
			.query(rs -> {
				map.put(rs.getString("code"), new Stored(rs.getString("name"), rs.getString("parent")));
			});
		return map;
	}

	private void insert(RegionImport.Row row) {
		jdbc.sql("insert into region_region (code, name, level, parent, version) values (:code, :name, :level, :parent, 0)")
			.param("code", row.code().value())
			.param("name", row.name())
			.param("level", RegionLevel.ofDepth(row.code().depth()).name())
			.param("parent", row.parent() == null ? null : row.parent().value())
			.update();
	}

	private void update(RegionImport.Row row) {
		jdbc.sql("update region_region set name = :name, parent = :parent, version = version + 1 where code = :code")
			.param("code", row.code().value())
			.param("name", row.name())
			.param("parent", row.parent() == null ? null : row.parent().value())
			.update();
	}

	private static <T> List<List<T>> chunks(List<T> list) {
		var chunks = new ArrayList<List<T>>();
		for (int i = 0; i < list.size(); i += CHUNK) {
			chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
		}
		return chunks;
	}

}
