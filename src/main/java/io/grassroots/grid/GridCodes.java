package io.grassroots.grid;

import io.grassroots.region.RegionLevel;
import io.grassroots.region.Regions;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.RuleViolationException;

import org.springframework.stereotype.Component;

/** Grid codes: the community's 12-digit code and a 3-digit sequence (001–999). */
@Component
class GridCodes {

	private final GridRepository grids;

	private final Regions regions;

	GridCodes(GridRepository grids, Regions regions) {
		this.grids = grids;
		this.regions = regions;
	}

	/** The community named by a 12-digit code, which must exist and be a community (or village). */
	RegionCode community(String where, String code) {
		if (!RegionCode.isValid(code)) {
			throw InvalidInputException.of(where, "grid.community.badCode", code);
		}
		var region = regions.find(RegionCode.of(code))
			.orElseThrow(() -> InvalidInputException.of(where, "grid.community.unknown", code));
		if (region.level() != RegionLevel.COMMUNITY) {
			throw InvalidInputException.of(where, "grid.community.notCommunity", code);
		}
		return region.code();
	}

	String next(RegionCode community) {
		var highest = grids.highestCode(community.value()).map(c -> Integer.parseInt(c.substring(12))).orElse(0);
		return format(community, highest + 1);
	}

	static String format(RegionCode community, int sequence) {
		if (sequence < 1 || sequence > 999) {
			throw new RuleViolationException("grid.code.full", community);
		}
		return community.value() + String.format("%03d", sequence);
	}

}
