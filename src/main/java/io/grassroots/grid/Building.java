package io.grassroots.grid;

import java.util.UUID;

import io.grassroots.shared.RegionCode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A building (楼栋) of a grid, named uniquely within the grid (e.g. 3号楼). */
@Table("grid_building")
class Building {

	private final @Id UUID id;

	private final GridId grid;

	private final RegionCode community;

	private String name;

	private String address;

	private @Version Long version;

	@PersistenceCreator
	Building(UUID id, GridId grid, RegionCode community, String name, String address, Long version) {
		this.id = id;
		this.grid = grid;
		this.community = community;
		this.name = name;
		this.address = address;
		this.version = version;
	}

	static Building register(GridId grid, RegionCode community, String name, String address) {
		return new Building(UUID.randomUUID(), grid, community, name, address, null);
	}

	UUID id() {
		return id;
	}

	String name() {
		return name;
	}

	String address() {
		return address;
	}

}
