package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.RegionView;

/**
 * The region tree browser: the roots the viewer may see, or search results.
 */
public record RegionTreeView(List<RegionView> roots, String query, List<RegionView> results) {
}
