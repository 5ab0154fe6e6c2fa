package io.grassroots.region;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies checked region rows in one transaction: new codes are added, codes whose name or parent differ are
 * changed, equal ones are left alone. Running the same file twice changes nothing the second time. Writes go in
 * batches of {@value #CHUNK} rows, parents before children.
 */
@Component
class RegionWriter {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final NamedParameterJdbcTemplate named;

	RegionWriter(JdbcClient jdbc, NamedParameterJdbcTemplate named, AuditTrail audit) {
		this.jdbc = jdbc;
		this.named = named;
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

	/** What applying the rows would do, without writing anything. */
	@Transactional(readOnly = true)
	ImportReport preview(List<RegionImport.Row> rows, LongConsumer progress) {
		int added = 0;
		int changed = 0;
		for (var chunk : chunks(rows)) {
			var plan = plan(chunk);
			added += plan.added().size();
			changed += plan.changed().size();
			progress.accept(chunk.size());
		}
		return new ImportReport(added, changed, rows.size() - added - changed, List.of(), false);
	}

	@Transactional
	ImportReport apply(List<RegionImport.Row> rows, List<String> files, String actorId, String actorName,
			LongConsumer progress) {
		int added = 0;
		int changed = 0;
		for (var chunk : chunks(rows)) {
			var plan = plan(chunk);
			write("insert into region_region (code, name, level, parent, version) values (:code, :name, :level, :parent, 0)",
					plan.added());
			write("update region_region set name = :name, parent = :parent, version = version + 1 where code = :code",
					plan.changed());
			added += plan.added().size();
			changed += plan.changed().size();
			progress.accept(chunk.size());
		}
		var report = new ImportReport(added, changed, rows.size() - added - changed, List.of(), true);
		if (added + changed > 0) {
			audit.record(new AuditRecord("region/import", "region.imported", actorId, actorName,
					Map.of("files", files, "added", added, "changed", changed, "unchanged", report.unchanged())));
		}
		return report;
	}

	/** The rows of a chunk that are new and those that differ from what is stored. */
	private record Plan(List<RegionImport.Row> added, List<RegionImport.Row> changed) {
	}

	private Plan plan(List<RegionImport.Row> chunk) {
		var stored = stored(chunk);
		var added = new ArrayList<RegionImport.Row>();
		var changed = new ArrayList<RegionImport.Row>();
		for (var row : chunk) {
			var current = stored.get(row.code().value());
			if (current == null) {
				added.add(row);
			}
			else if (!current.name().equals(row.name())
					|| !Objects.equals(current.parent(), row.parent() == null ? null : row.parent().value())) {
				changed.add(row);
			}
		}
		return new Plan(added, changed);
	}

	private void write(String sql, List<RegionImport.Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		var batch = rows.stream()
			.map(row -> new MapSqlParameterSource().addValue("code", row.code().value())
				.addValue("name", row.name())
				.addValue("level", RegionLevel.ofDepth(row.code().depth()).name())
				.addValue("parent", row.parent() == null ? null : row.parent().value(), Types.VARCHAR))
			.toArray(SqlParameterSource[]::new);
		named.batchUpdate(sql, batch);
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

	private static <T> List<List<T>> chunks(List<T> list) {
		var chunks = new ArrayList<List<T>>();
		for (int i = 0; i < list.size(); i += CHUNK) {
			chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
		}
		return chunks;
	}

}
