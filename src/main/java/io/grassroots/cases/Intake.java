package io.grassroots.cases;

import java.util.List;

import io.grassroots.grid.CoordinateSystem;
import io.grassroots.shared.RegionCode;

/**
 * A report as it comes in, from any channel.
 *
 * @param category the category the reporter chose or the intake suggested, if any
 * @param urgency NORMAL unless said otherwise
 * @param longitude the point, with {@code latitude}, in the given coordinate system; both or neither
 * @param coordinateSystem WGS84 unless the client sends GCJ-02
 * @param community the community the reporter names, if any
 * @param reporterName the reporter's name (personal data), unless anonymous
 * @param reporterPhone the reporter's phone number (personal data), unless anonymous
 * @param confidential a confidential case (保密工单) is seen only by its handlers
 * @param idempotencyKey the client's key: the same key again returns the first case instead of a second one
 * @param photos photos, checked by content
 */
public record Intake(Channel channel, String title, String description, CategoryKey category, Urgency urgency,
		Double longitude, Double latitude, CoordinateSystem coordinateSystem, String address, RegionCode community,
		String reporterName, String reporterPhone, boolean anonymous, boolean confidential, String idempotencyKey,
		List<Upload> photos) {

	public Intake {
		urgency = urgency == null ? Urgency.NORMAL : urgency;
		coordinateSystem = coordinateSystem == null ? CoordinateSystem.WGS84 : coordinateSystem;
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	/** The report as a resident's: online, never confidential (residents may stay anonymous instead). */
	Intake fromResident() {
		return new Intake(Channel.ONLINE, title, description, category, urgency, longitude, latitude, coordinateSystem,
				address, community, reporterName, reporterPhone, anonymous, false, idempotencyKey, photos);
	}

	public Intake withIdempotencyKey(String key) {
		return new Intake(channel, title, description, category, urgency, longitude, latitude, coordinateSystem, address,
				community, reporterName, reporterPhone, anonymous, confidential, key, photos);
	}

}
