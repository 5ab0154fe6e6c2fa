package io.grassroots.grid;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to single grids: drawing, reshaping, describing, the party branch and the "1+X" team. Administrators and
 * community staff, inside their scope; every change is audited in the grid's stream, and shape changes move the
 * network version.
 */
@Service
@Transactional
public class GridManagement {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GridRepository grids;

	private final GridCodes codes;

	private final NetworkChanges network;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	GridManagement(GridRepository grids, GridCodes codes, NetworkChanges network, CurrentUser currentUser,
			AuditTrail audit) {
		this.grids = grids;
		this.codes = codes;
		this.network = network;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	public GridView draw(GridForm form) {
		var actor = currentUser.actor();
		var community = codes.community("community", form.community());
		GridAccess.checkNetworkChange(actor, community);
		var name = Texts.required("name", form.name(), 100);
		if (form.kind() == null || form.managementType() == null) {
			throw InvalidInputException.of(form.kind() == null ? "kind" : "managementType", "grid.text.required");
		}
		var shape = shape(form.geometry(), form.system());
		var grid = grids.save(Grid.draw(codes.next(community), name, form.kind(), form.managementType(), community,
				shape));
		network.changed(Set.of(community));
		record(actor, grid, "grid.drawn", Map.of("code", grid.code(), "name", name));
		return grid.view();
	}

	public GridView reshape(GridId id, String geometry, CoordinateSystem system, long version) {
		var actor = currentUser.actor();
		var grid = load(id, version);
		GridAccess.checkNetworkChange(actor, grid.community());
		grid.reshape(shape(geometry, system));
		grid = grids.save(grid);
		network.changed(Set.of(grid.community()));
		record(actor, grid, "grid.reshaped", Map.of("code", grid.code()));
		return grid.view();
	}

	public GridView describe(GridId id, String name, GridKind kind, ManagementType type, long version) {
		var actor = currentUser.actor();
		var grid = load(id, version);
		GridAccess.checkNetworkChange(actor, grid.community());
		if (kind == null || type == null) {
			throw InvalidInputException.of(kind == null ? "kind" : "managementType", "grid.text.required");
		}
		grid.describe(Texts.required("name", name, 100), kind, type);
		grid = grids.save(grid);
		network.changed(Set.of(grid.community()));
		record(actor, grid, "grid.described", Map.of("name", name.strip(), "kind", kind.name(), "type", type.name()));
		return grid.view();
	}

	public GridView foundBranch(GridId id, String name, String secretary, List<BranchMember> members) {
		var actor = currentUser.actor();
		var grid = load(id, null);
		GridAccess.checkNetworkChange(actor, grid.community());
		var checked = members.stream()
			.map(m -> new BranchMember(Texts.required("members", m.name(), 100), m.inService()))
			.toList();
		grid.foundBranch(Texts.required("branchName", name, 100), Texts.optional("secretary", secretary, 100),
				checked);
		grid = grids.save(grid);
		record(actor, grid, "grid.branch", Map.of("branch", name.strip(), "members", checked.size()));
		return grid.view();
	}

	public GridView staff(GridId id, List<TeamMember> members) {
		var actor = currentUser.actor();
		var grid = load(id, null);
		GridAccess.checkNetworkChange(actor, grid.community());
		var checked = members.stream()
			.map(m -> new TeamMember(Texts.required("team", m.name(), 100), requireRole(m.role()),
					Texts.optional("unit", m.unit(), 100)))
			.toList();
		if (checked.stream().filter(m -> m.role() == TeamRole.LEAD_GRID_WORKER).count() > 1) {
			throw InvalidInputException.of("team", "grid.team.oneLead");
		}
		grid.staff(checked);
		grid = grids.save(grid);
		record(actor, grid, "grid.staffed", Map.of("members", checked.size()));
		return grid.view();
	}

	private static TeamRole requireRole(TeamRole role) {
		if (role == null) {
			throw InvalidInputException.of("role", "grid.text.required");
		}
		return role;
	}

	private Grid load(GridId id, Long version) {
		var grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid.notFound", id));
		if (version != null && !version.equals(grid.version())) {
			throw new ConflictException("problem.staleVersion");
		}
		return grid;
	}

	static org.locationtech.jts.geom.Geometry shape(String geometry, CoordinateSystem system) {
		if (geometry == null || geometry.isBlank()) {
			throw InvalidInputException.of("geometry", "grid.geometry.missing");
		}
		try {
			var node = JSON.readTree(geometry);
			var result = ShapeCheck.read(node.has("geometry") ? node.get("geometry") : node,
					system == null ? CoordinateSystem.WGS84 : system);
			if (!result.ok()) {
				throw new InvalidInputException("grid.geometry.refused", result.issues()
					.stream()
					.map(i -> new InvalidInputException.Violation("geometry", i.messageKey(), i.arguments().toArray()))
					.toList());
			}
			return result.shape();
		}
		catch (JacksonException e) {
			throw InvalidInputException.of("geometry", "grid.geometry.notJson");
		}
	}

	private void record(Actor actor, Grid grid, String action, Map<String, Object> details) {
		audit.record(new AuditRecord("grid/" + grid.id(), action, actor.id().toString(), actor.displayName(), details));
	}

}
