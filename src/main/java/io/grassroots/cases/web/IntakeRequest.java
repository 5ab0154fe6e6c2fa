package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.Channel;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.cases.Intake;
import io.grassroots.cases.Upload;
import io.grassroots.cases.Urgency;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

/** A report as the API and the intake forms send it. */
record IntakeRequest(Channel channel, String title, String description, String categoryStandard, String categoryCode,
		Urgency urgency, Double longitude, Double latitude, CoordinateSystem coordinateSystem, String address,
		String community, String reporterName, String reporterPhone, Boolean anonymous, Boolean confidential) {

	Intake intake(String idempotencyKey, List<Upload> photos) {
		return new Intake(channel, title, description, category(), urgency, longitude, latitude, coordinateSystem,
				address, communityCode(), reporterName, reporterPhone, Boolean.TRUE.equals(anonymous),
				Boolean.TRUE.equals(confidential), blankToNull(idempotencyKey), photos);
	}

	private CategoryKey category() {
		if (blankToNull(categoryCode) == null) {
			return null;
		}
		if (blankToNull(categoryStandard) == null) {
			throw InvalidInputException.of("categoryStandard", "cases.intake.required");
		}
		return new CategoryKey(categoryStandard.strip(), categoryCode.strip());
	}

	private RegionCode communityCode() {
		var code = blankToNull(community);
		if (code != null && !RegionCode.isValid(code)) {
			throw InvalidInputException.of("community", "cases.intake.badCommunity", code);
		}
		return code == null ? null : RegionCode.of(code);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
