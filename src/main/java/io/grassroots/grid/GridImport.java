package io.grassroots.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports grids from a GeoJSON FeatureCollection. Every feature is checked first (shape, code, community, name,
 * kind, type, scope, duplicates); one bad feature refuses the whole file and nothing is written. A feature whose
 * code exists updates that grid (so re-importing a file is harmless); one without a code gets the next free code of
 * its community.
 */
@Service
public class GridImport {

	private final GridRepository grids;

	private final GridCodes codes;

	private final NetworkChanges network;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final GridProperties properties;

	GridImport(GridRepository grids, GridCodes codes, NetworkChanges network, CurrentUser currentUser,
			AuditTrail audit, GridProperties properties) {
		this.grids = grids;
		this.codes = codes;
		this.network = network;
		this.currentUser = currentUser;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional
	public ImportReport importGeoJson(String fileName, byte[] content, GridMapping mapping) {
		var actor = currentUser.actor();
		if (!actor.hasAny(Role.ADMINISTRATOR, Role.COMMUNITY_STAFF)) {
			throw new ForbiddenException("problem.forbidden");
		}
		var source = fileName == null || fileName.isBlank() ? "upload.geojson" : fileName;
		var collection = GeoJson.read(source, content, properties.importMaxBytes());
		if (!collection.problems().isEmpty()) {
			return ImportReport.refused(collection.problems());
		}
		var problems = new ArrayList<Problem>();
		var rows = new ArrayList<GridRow>();
		var seen = new HashMap<String, Integer>();
		for (var feature : collection.features()) {
			var row = GridRow.check(source, feature, mapping, codes, actor, problems);
			if (row != null && row.code() != null && seen.putIfAbsent(row.code(), feature.number()) != null) {
				problems.add(Problem.of(source, feature.number(), mapping.codeProperty(), "grid.import.duplicateCode",
						row.code(), seen.get(row.code())));
			}
			if (row != null) {
				rows.add(row);
			}
		}
		if (!problems.isEmpty()) {
			return ImportReport.refused(problems);
		}
		return apply(source, rows, actor);
	}

	private ImportReport apply(String source, List<GridRow> rows, Actor actor) {
		int added = 0;
		int changed = 0;
		int unchanged = 0;
		var communities = new LinkedHashSet<RegionCode>();
		var nextSequence = new HashMap<RegionCode, Integer>();
		for (var row : rows) {
			var existing = row.code() == null ? null : grids.findByCode(row.code()).orElse(null);
			Grid grid;
			if (existing == null) {
				var code = row.code() != null ? row.code() : nextCode(row.community(), nextSequence, rows);
				grid = Grid.draw(code, row.name(), row.kind(), row.type(), row.community(), row.shape());
				added++;
			}
			else if (existing.shape().equalsExact(row.shape()) && existing.view().name().equals(row.name())
					&& existing.view().kind() == row.kind() && existing.managementType() == row.type()) {
				unchanged++;
				continue;
			}
			else {
				grid = existing;
				grid.reshape(row.shape());
				grid.describe(row.name(), row.kind(), row.type());
				changed++;
			}
			grid = grids.save(grid);
			communities.add(grid.community());
			audit.record(new AuditRecord("grid/" + grid.id(), existing == null ? "grid.imported" : "grid.reimported",
					actor.id().toString(), actor.displayName(), Map.of("code", grid.code(), "file", source)));
		}
		if (!communities.isEmpty()) {
			network.changed(communities);
		}
		return new ImportReport(added, changed, unchanged, List.of(), true);
	}

	private String nextCode(RegionCode community, Map<RegionCode, Integer> next, List<GridRow> rows) {
		var sequence = next.computeIfAbsent(community, c -> {
			var stored = Integer.parseInt(codes.next(c).substring(12)) - 1;
			var inFile = rows.stream()
				.filter(r -> r.code() != null && r.community().equals(c))
				.mapToInt(r -> Integer.parseInt(r.code().substring(12)))
				.max()
				.orElse(0);
			return Math.max(stored, inFile);
		}) + 1;
		next.put(community, sequence);
		return GridCodes.format(community, sequence);
	}

}
