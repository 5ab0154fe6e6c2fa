package io.grassroots.region;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.Jobs;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the region tree: imports of region CSV files (as background jobs with progress, or at once for the
 * API) and renaming. Administrators only, inside their scope.
 */
@Service
public class RegionManagement {

	private final RegionImport importer;

	private final RegionRepository regions;

	private final Jobs jobs;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	RegionManagement(RegionImport importer, RegionRepository regions, Jobs jobs, CurrentUser currentUser,
			AuditTrail audit) {
		this.importer = importer;
		this.regions = regions;
		this.jobs = jobs;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** A file given to an import. */
	public record ImportFile(String name, byte[] content) {
	}

	/** Imports at once and returns what happened; a refused import changes nothing. */
	public ImportReport importNow(List<ImportFile> files) {
		var actor = requireAdministrator();
		return importer.run(uploads(files), actor.scope().region(), actor.id().toString(), actor.displayName(), n -> {
		});
	}

	/** Starts an import in the background; its progress and report are read through {@link Jobs}. */
	public UUID startImport(List<ImportFile> files) {
		var actor = requireAdministrator();
		var uploads = uploads(files);
		return jobs.start("region-import", actor.username(), "/admin/regions/import/{id}",
				progress -> importer.run(uploads, actor.scope().region(), actor.id().toString(), actor.displayName(), progress::advance));
	}

	@Transactional
	public RegionView rename(RegionCode code, String name, long version) {
		var actor = requireAdministrator();
		if (!actor.scope().coversRegion(code)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		if (name == null || name.isBlank() || name.length() > 100 || name.chars().anyMatch(c -> c == '<' || c == '>')) {
			throw InvalidInputException.of("name", "region.import.badName", name);
		}
		var region = regions.findById(code).orElseThrow(() -> new NotFoundException("region.notFound", code));
		if (region.version() != version) {
			throw new ConflictException("problem.staleVersion");
		}
		var old = region.name();
		region.rename(name.strip());
		regions.save(region);
		audit.record(new AuditRecord("region/" + code, "region.renamed", actor.id().toString(), actor.displayName(),
				Map.of("from", old, "to", name.strip())));
		return new RegionView(code, region.name(), region.level(), region.parent(), 0);
	}

	private io.grassroots.identity.Actor requireAdministrator() {
		var actor = currentUser.actor();
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
		return actor;
	}

	private static List<RegionImport.Upload> uploads(List<ImportFile> files) {
		if (files.isEmpty()) {
			throw InvalidInputException.of("files", "region.import.noFiles");
		}
		return files.stream().map(f -> new RegionImport.Upload(f.name(), f.content())).toList();
	}

}
