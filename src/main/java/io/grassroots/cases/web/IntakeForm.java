package io.grassroots.cases.web;

import io.grassroots.grid.CoordinateSystem;

/**
 * An intake form as posted by the console, phone and public pages; {@code category} is {@code standard:code} and
 * {@code key} the idempotency key the page was rendered with.
 */
record IntakeForm(io.grassroots.cases.Channel channel, String title, String description, String category,
		io.grassroots.cases.Urgency urgency, Double longitude, Double latitude,
		io.grassroots.grid.CoordinateSystem coordinateSystem, String address, String community, String reporterName,
		String reporterPhone, Boolean anonymous, Boolean confidential, String key) {

	IntakeRequest request() {
		String standard = null;
		String code = null;
		if (category != null && category.contains(":")) {
			var parts = category.split(":", 2);
			standard = parts[0];
			code = parts[1];
		}
		return new IntakeRequest(channel, title, description, standard, code, urgency, longitude, latitude,
				coordinateSystem, address, community, reporterName, reporterPhone, anonymous, confidential);
	}

}
