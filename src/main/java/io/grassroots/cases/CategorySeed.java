package io.grassroots.cases;

import java.io.IOException;
import java.util.Map;

import io.grassroots.identity.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the category standards that ship with the application into a database that does not have them yet,
 * through the same import administrators use.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class CategorySeed implements ApplicationRunner {

	static final String CITY = "CJT214";

	static final String MATTERS = "MATTERS";

	private static final Logger log = LoggerFactory.getLogger(CategorySeed.class);

	private static final Map<String, String[]> SEEDS = Map.of(
			CITY, new String[] { "classpath:seed/categories/city-parts-events.csv", "城市管理部件和事件（CJ/T 214、GB/T 30428.2 体系）" },
			MATTERS, new String[] { "classpath:seed/categories/governance-matters.csv", "社会治理事项（三级分类）" });

	private final Categories categories;

	private final ResourceLoader resources;

	CategorySeed(Categories categories, ResourceLoader resources) {
		this.categories = categories;
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		var loaded = categories.standards().stream().map(CategoryStandard::code).toList();
		for (var seed : SEEDS.entrySet()) {
			if (loaded.contains(seed.getKey())) {
				continue;
			}
			var resource = resources.getResource(seed.getValue()[0]);
			var report = categories.importStandard(Actor.system(), seed.getKey(), seed.getValue()[1],
					resource.getFilename(), resource.getContentAsByteArray());
			if (!report.ok()) {
				throw new IllegalStateException("The category seed " + seed.getKey() + " is refused: " + report.refused());
			}
			log.info("Category seed {}: {} categories", seed.getKey(), report.added());
		}
	}

}
