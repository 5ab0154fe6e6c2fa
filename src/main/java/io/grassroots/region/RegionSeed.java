package io.grassroots.region;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grassroots.shared.RegionCode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the seed region tree (the real Changji subtree) into an empty region table at start-up, through the same
 * import that administrators use.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegionSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegionSeed.class);

	private final RegionImport importer;

	private final Regions regions;

	private final RegionProperties properties;

	private final ResourceLoader resources;

	RegionSeed(RegionImport importer, Regions regions, RegionProperties properties, ResourceLoader resources) {
		this.importer = importer;
		this.regions = regions;
		this.properties = properties;
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (properties.seed() == null || properties.seed().isBlank() || regions.count() > 0) {
			return;
		}
		var resource = resources.getResource(properties.seed());
		var upload = new RegionImport.Upload(resource.getFilename(), resource.getContentAsByteArray());
		var report = importer.run(List.of(upload), RegionCode.ROOT, "system", "system", n -> {
		});
		if (!report.ok()) {
			throw new IllegalStateException("The region seed " + properties.seed() + " is refused: " + report.refused());
		}
		log.info("Region seed {}: {} regions added", properties.seed(), report.added());
	}

}
