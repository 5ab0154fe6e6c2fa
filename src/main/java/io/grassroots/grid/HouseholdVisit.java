package io.grassroots.grid;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A visit to a household: who, when, where, what was found, an optional photo. Written once, never changed. */
@Table("grid_visit")
class HouseholdVisit extends AbstractAggregateRoot<HouseholdVisit> {

	private final @Id UUID id;

	private final HouseholdId household;

	private final GridId grid;

	private final RegionCode community;

	private final String visitorId;

	private final String visitorName;

	private final Instant visitedAt;

	private final String place;

	private final String findings;

	private final boolean reported;

	private final UUID photo;

	private @Version Long version;

	@PersistenceCreator
	HouseholdVisit(UUID id, HouseholdId household, GridId grid, RegionCode community, String visitorId,
			String visitorName, Instant visitedAt, String place, String findings, boolean reported, UUID photo,
			Long version) {
		this.id = id;
		this.household = household;
		this.grid = grid;
		this.community = community;
		this.visitorId = visitorId;
		this.visitorName = visitorName;
		this.visitedAt = visitedAt;
		this.place = place;
		this.findings = findings;
		this.reported = reported;
		this.photo = photo;
		this.version = version;
	}

	/** Records a visit; when its findings are reported as a case, {@link VisitFindingReported} is published. */
	static HouseholdVisit record(Household household, String visitorId, String visitorName, Instant visitedAt,
			String place, String findings, boolean report, UUID photo) {
		var reported = report && findings != null && !findings.isBlank();
		var visit = new HouseholdVisit(UUID.randomUUID(), household.id(), household.grid(), household.community(),
				visitorId, visitorName, visitedAt, place, findings, reported, photo, null);
		if (reported) {
			visit.registerEvent(new VisitFindingReported(visit.id, household.id().id(), household.grid(),
					household.community(), findings, place == null ? household.address() : place, visitorId,
					visitorName, visitedAt));
		}
		return visit;
	}

	VisitView view() {
		return new VisitView(id, household, grid, visitorName, visitedAt, place, findings, reported, photo != null);
	}

	UUID photo() {
		return photo;
	}

	GridId grid() {
		return grid;
	}

	RegionCode community() {
		return community;
	}

}
