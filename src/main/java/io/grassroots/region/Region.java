package io.grassroots.region;

import io.grassroots.shared.RegionCode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A node of the administrative tree (区划): its code says its level; its parent is the nearest existing node above.
 */
@Table("region_region")
class Region {

	private final @Id RegionCode code;

	private String name;

	private final RegionLevel level;

	private RegionCode parent;

	private @Version Long version;

	@PersistenceCreator
	Region(RegionCode code, String name, RegionLevel level, RegionCode parent, Long version) {
		this.code = code;
		this.name = name;
		this.level = level;
		this.parent = parent;
		this.version = version;
	}

	static Region of(RegionCode code, String name, RegionCode parent) {
		return new Region(code, name, RegionLevel.ofDepth(code.depth()), parent, null);
	}

	void rename(String name) {
		this.name = name;
	}

	void moveUnder(RegionCode parent) {
		this.parent = parent;
	}

	RegionCode code() {
		return code;
	}

	String name() {
		return name;
	}

	RegionLevel level() {
		return level;
	}

	RegionCode parent() {
		return parent;
	}

	Long version() {
		return version;
	}

}
