package io.grassroots.grid;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A household (户) of a grid. Phone and ID numbers are held sealed (AES-GCM by {@code PersonalData}) with a blind
 * index; the aggregate never sees them in clear.
 */
@Table("grid_household")
class Household {

	private final @Id HouseholdId id;

	private GridId grid;

	private RegionCode community;

	private UUID building;

	private String address;

	private String unit;

	private String room;

	private String headName;

	private int members;

	private String phoneSealed;

	private String phoneIndex;

	private String idNumberSealed;

	private String idNumberIndex;

	private String tags;

	private final boolean demo;

	private final Instant registeredAt;

	private @Version Long version;

	@PersistenceCreator
	Household(HouseholdId id, GridId grid, RegionCode community, UUID building, String address, String unit,
			String room, String headName, int members, String phoneSealed, String phoneIndex, String idNumberSealed,
			String idNumberIndex, String tags, boolean demo, Instant registeredAt, Long version) {
		this.id = id;
		this.grid = grid;
		this.community = community;
		this.building = building;
		this.address = address;
		this.unit = unit;
		this.room = room;
		this.headName = headName;
		this.members = members;
		this.phoneSealed = phoneSealed;
		this.phoneIndex = phoneIndex;
		this.idNumberSealed = idNumberSealed;
		this.idNumberIndex = idNumberIndex;
		this.tags = tags;
		this.demo = demo;
		this.registeredAt = registeredAt;
		this.version = version;
	}

	/** The parts of a household that people type, already checked and with personal data sealed. */
	record Details(UUID building, String address, String unit, String room, String headName, int members,
			Sealed phone, Sealed idNumber, Set<HouseholdTag> tags) {
	}

	/** A sealed personal value and its blind index. */
	record Sealed(String value, String index) {

		static final Sealed NONE = new Sealed(null, null);

	}

	static Household register(GridId grid, RegionCode community, Details details, boolean demo, Instant now) {
		var household = new Household(new HouseholdId(UUID.randomUUID()), grid, community, null, "", null, null, "", 1,
				null, null, null, null, "", demo, now, null);
		household.describe(details);
		return household;
	}

	void describe(Details details) {
		this.building = details.building();
		this.address = details.address();
		this.unit = details.unit();
		this.room = details.room();
		this.headName = details.headName();
		this.members = details.members();
		this.phoneSealed = details.phone().value();
		this.phoneIndex = details.phone().index();
		this.idNumberSealed = details.idNumber().value();
		this.idNumberIndex = details.idNumber().index();
		this.tags = HouseholdTag.store(details.tags());
	}

	HouseholdId id() {
		return id;
	}

	GridId grid() {
		return grid;
	}

	RegionCode community() {
		return community;
	}

	UUID building() {
		return building;
	}

	String address() {
		return address;
	}

	String unit() {
		return unit;
	}

	String room() {
		return room;
	}

	String headName() {
		return headName;
	}

	int members() {
		return members;
	}

	String phoneSealed() {
		return phoneSealed;
	}

	String idNumberSealed() {
		return idNumberSealed;
	}

	Set<HouseholdTag> tags() {
		return HouseholdTag.load(tags);
	}

	boolean demo() {
		return demo;
	}

	Instant registeredAt() {
		return registeredAt;
	}

	Long version() {
		return version;
	}

}
