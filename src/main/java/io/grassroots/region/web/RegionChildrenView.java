package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.RegionView;

/** The children of one node, swapped into the tree when it is opened. */
public record RegionChildrenView(List<RegionView> children) {
}
