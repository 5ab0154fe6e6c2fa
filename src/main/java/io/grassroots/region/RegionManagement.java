package io.grassroots.region;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
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

	/** The kind of the jobs that import regions. */
	public static final String IMPORT_JOB = "region-import";

	private final RegionImport importer;

	private final RegionRepository regions;

	private final Jobs jobs;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final RegionProperties properties;

	RegionManagement(RegionImport importer, RegionRepository regions, Jobs jobs, CurrentUser currentUser,
			AuditTrail audit, RegionProperties properties) {
		this.importer = importer;
		this.regions = regions;
		this.jobs = jobs;
		this.currentUser = currentUser;
		this.audit = audit;
		this.properties = properties;
	}

	/** A file given to an import. */
	public record ImportFile(String name, byte[] content) {
	}

	/** The CSV layouts an import understands, each as its header line. */
	public List<String> importLayouts() {
		return Arrays.stream(RegionFile.values()).map(file -> String.join(",", file.columns)).toList();
	}

	/** The largest file an import accepts, in bytes. */
	public long importMaxBytes() {
		return properties.importMaxBytes();
	}

	/** Imports at once and returns what happened; a refused import changes nothing. */
	public ImportReport importNow(List<ImportFile> files) {
		return importNow(files, false);
	}

	/**
	 * Imports at once, or with {@code checkOnly} only checks and tells what an import would add and change; a
	 * refused import changes nothing.
	 */
	public ImportReport importNow(List<ImportFile> files, boolean checkOnly) {
		var actor = requireAdministrator();
		return work(actor, uploads(files), checkOnly, n -> {
		});
	}

	/** Starts an import in the background; its progress and report are read through {@link Jobs}. */
	public UUID startImport(List<ImportFile> files) {
		return startImport(files, false);
	}

	/**
	 * Starts an import (or with {@code checkOnly} a check) in the background; its progress and {@link ImportReport}
	 * are read through {@link Jobs}, and the console shows them under {@code /admin/regions/import/<job id>}.
	 */
	public UUID startImport(List<ImportFile> files, boolean checkOnly) {
		var actor = requireAdministrator();
		var uploads = uploads(files);
		var lines = uploads.stream().mapToLong(RegionManagement::lines).sum();
		return jobs.start(IMPORT_JOB, actor.username(), "/admin/regions/import/{id}", progress -> {
			progress.total(2 * lines);
			return work(actor, uploads, checkOnly, progress::advance);
		});
	}

	private ImportReport work(Actor actor, List<RegionImport.Upload> uploads, boolean checkOnly,
			LongConsumer progress) {
		var within = actor.scope().region();
		return checkOnly ? importer.preview(uploads, within, progress)
				: importer.run(uploads, within, actor.id().toString(), actor.displayName(), progress);
	}

	private static long lines(RegionImport.Upload upload) {
		long lines = 0;
		for (var b : upload.content()) {
			if (b == '\n') {
				lines++;
			}
		}
		return lines;
	}

	@Transactional
	public RegionView rename(RegionCode code, String name, long version) {
		var actor = requireAdministrator();
		if (!actor.scope().coversRegion(code)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		if (name == null || name.strip().length() > 100 || !RegionCsv.NAME.matcher(name.strip()).matches()) {
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

	private Actor requireAdministrator() {
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
		return files.stream().map(f -> new RegionImport.Upload(fileName(f.name()), f.content())).toList();
	}

	/** The name a report shows for a file: its last path segment, at most 100 characters. */
	private static String fileName(String given) {
		if (given == null || given.isBlank()) {
			return "upload.csv";
		}
		var name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip();
		return name.length() > 100 ? name.substring(0, 100) + "…" : name;
	}

}
