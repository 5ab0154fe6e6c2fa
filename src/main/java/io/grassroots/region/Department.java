package io.grassroots.region;

import java.util.UUID;

import io.grassroots.shared.RegionCode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A functional department (职能部门) serving a region, usually a county.
 */
@Table("region_department")
class Department {

	private final @Id DepartmentId id;

	private final RegionCode region;

	private DepartmentKind kind;

	private String name;

	private String head;

	private String phone;

	private boolean active;

	private @Version Long version;

	@PersistenceCreator
	Department(DepartmentId id, RegionCode region, DepartmentKind kind, String name, String head, String phone,
			boolean active, Long version) {
		this.id = id;
		this.region = region;
		this.kind = kind;
		this.name = name;
		this.head = head;
		this.phone = phone;
		this.active = active;
		this.version = version;
	}

	static Department register(RegionCode region, DepartmentKind kind, String name, String head, String phone) {
		return new Department(new DepartmentId(UUID.randomUUID()), region, kind, name, head, phone, true, null);
	}

	void describe(DepartmentKind kind, String name, String head, String phone) {
		this.kind = kind;
		this.name = name;
		this.head = head;
		this.phone = phone;
	}

	void deactivate() {
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

	DepartmentView view() {
		return new DepartmentView(id, region, kind, name, head, phone, active, version);
	}

	DepartmentId id() {
		return id;
	}

	RegionCode region() {
		return region;
	}

	Long version() {
		return version;
	}

}
