package io.grassroots.cases.web;

import io.grassroots.cases.TrackingView;

/** The public tracking page of one case. */
public record TrackPageView(TrackingView track) {
}
