package io.grassroots.grid;

import java.util.List;

import io.grassroots.shared.RegionCode;
import org.locationtech.jts.geom.Geometry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A grid (网格): a polygon in exactly one community, with its code, kind and management type, its party branch
 * and its "1+X" team. The shape is kept as WKT with its bounding box and its area in m².
 */
@Table("grid_grid")
class Grid {

	private final @Id GridId id;

	private final String code;

	private String name;

	private GridKind kind;

	private ManagementType managementType;

	private final RegionCode community;

	private String outline;

	private double minLng;

	private double minLat;

	private double maxLng;

	private double maxLat;

	@Column("area_m2")
	private double area;

	private String branchName;

	private String branchSecretary;

	@MappedCollection(idColumn = "grid", keyColumn = "grid_key")
	private List<BranchMember> branchMembers;

	@MappedCollection(idColumn = "grid", keyColumn = "grid_key")
	private List<TeamMember> team;

	private @Version Long version;

	@PersistenceCreator
	Grid(GridId id, String code, String name, GridKind kind, ManagementType managementType, RegionCode community,
			String outline, double minLng, double minLat, double maxLng, double maxLat, double area, String branchName,
			String branchSecretary, List<BranchMember> branchMembers, List<TeamMember> team, Long version) {
		this.id = id;
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.managementType = managementType;
		this.community = community;
		this.outline = outline;
		this.minLng = minLng;
		this.minLat = minLat;
		this.maxLng = maxLng;
		this.maxLat = maxLat;
		this.area = area;
		this.branchName = branchName;
		this.branchSecretary = branchSecretary;
		this.branchMembers = List.copyOf(branchMembers);
		this.team = List.copyOf(team);
		this.version = version;
	}

	/** Draws a new grid; the shape must already be valid (see {@link ShapeCheck}). */
	static Grid draw(String code, String name, GridKind kind, ManagementType type, RegionCode community,
			Geometry shape) {
		var grid = new Grid(GridId.random(), code, name, kind, type, community, "", 0, 0, 0, 0, 0, null, null,
				List.of(), List.of(), null);
		grid.reshape(shape);
		return grid;
	}

	void reshape(Geometry shape) {
		var box = shape.getEnvelopeInternal();
		this.outline = Shapes.wkt(shape);
		this.minLng = box.getMinX();
		this.minLat = box.getMinY();
		this.maxLng = box.getMaxX();
		this.maxLat = box.getMaxY();
		this.area = Shapes.area(shape);
	}

	void describe(String name, GridKind kind, ManagementType managementType) {
		this.name = name;
		this.kind = kind;
		this.managementType = managementType;
	}

	/** Founds the grid's party branch, or changes its secretary and members. */
	void foundBranch(String branchName, String secretary, List<BranchMember> members) {
		this.branchName = branchName;
		this.branchSecretary = secretary;
		this.branchMembers = List.copyOf(members);
	}

	void staff(List<TeamMember> members) {
		this.team = List.copyOf(members);
	}

	Geometry shape() {
		return Shapes.parse(outline);
	}

	GridView view() {
		return new GridView(id, code, name, kind, managementType, community, area, branchName, branchSecretary,
				version == null ? 0 : version);
	}

	GridId id() {
		return id;
	}

	String code() {
		return code;
	}

	RegionCode community() {
		return community;
	}

	ManagementType managementType() {
		return managementType;
	}

	List<BranchMember> branchMembers() {
		return branchMembers;
	}

	List<TeamMember> team() {
		return team;
	}

	Long version() {
		return version;
	}

}
