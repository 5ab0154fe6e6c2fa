package io.grassroots.region;

import java.util.UUID;

import io.grassroots.shared.RegionCode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A party organisation of a street or community (党组织).
 */
@Table("region_party_organisation")
class PartyOrganisation {

	private final @Id PartyOrganisationId id;

	private final RegionCode region;

	private final PartyLevel level;

	private String name;

	private String secretary;

	private int memberCount;

	private @Version Long version;

	@PersistenceCreator
	PartyOrganisation(PartyOrganisationId id, RegionCode region, PartyLevel level, String name, String secretary,
			int memberCount, Long version) {
		this.id = id;
		this.region = region;
		this.level = level;
		this.name = name;
		this.secretary = secretary;
		this.memberCount = memberCount;
		this.version = version;
	}

	static PartyOrganisation found(RegionCode region, PartyLevel level, String name, String secretary, int members) {
		return new PartyOrganisation(new PartyOrganisationId(UUID.randomUUID()), region, level, name, secretary,
				members, null);
	}

	void describe(String name, String secretary, int memberCount) {
		this.name = name;
		this.secretary = secretary;
		this.memberCount = memberCount;
	}

	PartyOrganisationView view() {
		return new PartyOrganisationView(id, region, level, name, secretary, memberCount, version);
	}

	RegionCode region() {
		return region;
	}

	Long version() {
		return version;
	}

}
