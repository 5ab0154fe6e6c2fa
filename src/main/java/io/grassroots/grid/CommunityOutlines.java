package io.grassroots.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.DomainException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;
import org.locationtech.jts.geom.Geometry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community outlines: the region data has no polygons for communities, so the outline a community's grids should
 * cover is drawn or imported here (GeoJSON features with a {@code community} property). Gaps in a community are
 * measured against its outline; a community without one shows only overlaps.
 */
@Service
@Transactional
public class CommunityOutlines {

	private final JdbcClient jdbc;

	private final GridCodes codes;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final GridProperties properties;

	CommunityOutlines(JdbcClient jdbc, GridCodes codes, CurrentUser currentUser, AuditTrail audit,
			GridProperties properties) {
		this.jdbc = jdbc;
		this.codes = codes;
		this.currentUser = currentUser;
		this.audit = audit;
		this.properties = properties;
	}

	public void draw(String community, String geometry, CoordinateSystem system) {
		var code = codes.community("community", community);
		GridAccess.checkNetworkChange(currentUser.actor(), code);
		store(code, GridManagement.shape(geometry, system));
	}

	/** Imports outlines; every feature needs a {@code communityProperty} naming a community in the caller's scope. */
	public ImportReport importGeoJson(String fileName, byte[] content, String communityProperty,
			CoordinateSystem system) {
		var actor = currentUser.actor();
		var property = communityProperty == null || communityProperty.isBlank() ? "community" : communityProperty;
		var collection = GeoJson.read(fileName, content, properties.importMaxBytes());
		if (!collection.problems().isEmpty()) {
			return ImportReport.refused(collection.problems());
		}
		var problems = new ArrayList<Problem>();
		var outlines = new LinkedHashMap<RegionCode, Geometry>();
		for (var feature : collection.features()) {
			var shape = ShapeCheck.read(feature.geometry(), system == null ? CoordinateSystem.WGS84 : system);
			shape.issues()
				.forEach(i -> problems.add(new Problem(fileName, feature.number(), "geometry", i.messageKey(),
						i.arguments().stream().map(String::valueOf).toList())));
			try {
				var code = codes.community(property, feature.text(property));
				GridAccess.checkNetworkChange(actor, code);
				if (outlines.put(code, shape.shape()) != null) {
					problems.add(Problem.of(fileName, feature.number(), property, "grid.import.duplicateCommunity", code));
				}
			}
			catch (DomainException e) {
				problems.add(Problem.of(fileName, feature.number(), property, e.messageKey(), feature.text(property)));
			}
		}
		if (!problems.isEmpty()) {
			return ImportReport.refused(problems);
		}
		int added = 0;
		for (var outline : outlines.entrySet()) {
			added += store(outline.getKey(), outline.getValue()) ? 1 : 0;
		}
		return new ImportReport(added, outlines.size() - added, 0, List.of(), true);
	}

	@Transactional(readOnly = true)
	public Optional<String> geoJson(RegionCode community) {
		return find(community).map(g -> GeoJson.JSON.writeValueAsString(GeoJson.geometry(g)));
	}

	Optional<Geometry> find(RegionCode community) {
		return jdbc.sql("select outline from grid_community_outline where community = :community")
			.param("community", community.value())
			.query(String.class)
			.optional()
			.map(Shapes::parse);
	}

	/** Stores an outline; true when the community had none. */
	boolean store(RegionCode community, Geometry shape) {
		var actor = currentUser.find().orElse(io.grassroots.identity.Actor.system());
		var params = Map.<String, Object>of("community", community.value(), "outline", Shapes.wkt(shape), "area",
				Shapes.area(shape));
		var updated = jdbc.sql("""
				update grid_community_outline set outline = :outline, area_m2 = :area, version = version + 1
				where community = :community""").params(params).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into grid_community_outline (community, outline, area_m2, version)
					values (:community, :outline, :area, 0)""").params(params).update();
		}
		audit.record(new AuditRecord("community-outline/" + community, updated == 0 ? "outline.drawn" : "outline.redrawn",
				actor.id().toString(), actor.displayName(), Map.of("areaSquareMetres", Math.round(Shapes.area(shape)))));
		return updated == 0;
	}

}
