package io.grassroots.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.grassroots.identity.CurrentUser;
import io.grassroots.region.Regions;
import io.grassroots.shared.RegionCode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import org.springframework.stereotype.Service;

/**
 * Finds gaps, overlaps and spills of one community on the current network snapshot. Pieces smaller than
 * {@link #NOISE_SQUARE_METRES} are rounding noise of shared borders and are ignored.
 */
@Service
public class NetworkCheck {

	static final double NOISE_SQUARE_METRES = 1.0;

	private final NetworkIndex index;

	private final CommunityOutlines outlines;

	private final Regions regions;

	private final CurrentUser currentUser;

	NetworkCheck(NetworkIndex index, CommunityOutlines outlines, Regions regions, CurrentUser currentUser) {
		this.index = index;
		this.outlines = outlines;
		this.regions = regions;
		this.currentUser = currentUser;
	}

	public NetworkReport check(RegionCode community) {
		regions.get(community, currentUser.actor().scope());
		var snapshot = index.current();
		var grids = snapshot.inCommunity(community);
		var overlaps = overlaps(snapshot, grids);
		var outline = outlines.find(community);
		if (outline.isEmpty()) {
			return new NetworkReport(community, false, 0, 0, List.of(), overlaps, List.of());
		}
		var shape = outline.get();
		var union = OverlayNGRobust.union(grids.stream().map(IndexedGrid::shape).toList());
		var gaps = new ArrayList<NetworkReport.Gap>();
		var uncovered = union == null ? shape : OverlayNGRobust.overlay(shape, union, OverlayNG.DIFFERENCE);
		for (int i = 0; i < uncovered.getNumGeometries(); i++) {
			var part = uncovered.getGeometryN(i);
			var area = Shapes.area(part);
			if (area >= NOISE_SQUARE_METRES) {
				gaps.add(new NetworkReport.Gap(area, json(part)));
			}
		}
		gaps.sort(Comparator.comparingDouble(NetworkReport.Gap::area).reversed());
		var spills = grids.stream()
			.map(g -> new NetworkReport.Spill(g.code(), g.name(),
					Shapes.area(OverlayNGRobust.overlay(g.shape(), shape, OverlayNG.DIFFERENCE))))
			.filter(s -> s.area() >= NOISE_SQUARE_METRES)
			.toList();
		var outlineArea = Shapes.area(shape);
		var gapArea = gaps.stream().mapToDouble(NetworkReport.Gap::area).sum();
		return new NetworkReport(community, true, outlineArea, Math.max(0, outlineArea - gapArea), gaps, overlaps,
				spills);
	}

	private static List<NetworkReport.Overlap> overlaps(NetworkSnapshot snapshot, List<IndexedGrid> grids) {
		var found = new ArrayList<NetworkReport.Overlap>();
		for (var grid : grids) {
			for (var other : snapshot.index().candidates(grid.shape().getEnvelopeInternal())) {
				var reportedFromOtherSide = other.community().equals(grid.community())
						&& other.code().compareTo(grid.code()) < 0;
				if (other.kind() != grid.kind() || other.id().equals(grid.id()) || reportedFromOtherSide) {
					continue;
				}
				var common = OverlayNGRobust.overlay(grid.shape(), other.shape(), OverlayNG.INTERSECTION);
				var area = Shapes.area(common);
				if (area >= NOISE_SQUARE_METRES) {
					found.add(new NetworkReport.Overlap(grid.code(), grid.name(), other.code(), other.name(),
							grid.kind(), area, json(common)));
				}
			}
		}
		return found;
	}

	private static String json(Geometry shape) {
		return GeoJson.JSON.writeValueAsString(GeoJson.geometry(shape));
	}

}
