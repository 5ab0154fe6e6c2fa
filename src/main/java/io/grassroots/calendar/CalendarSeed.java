package io.grassroots.calendar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the national holiday files shipped with the application ({@code seed/holidays/<year>.json}) for every year
 * the database does not hold yet, through the same import administrators use. Files of later years can be uploaded
 * without a new release.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CalendarSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CalendarSeed.class);

	private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.json");

	private final CalendarManagement management;

	private final ResourcePatternResolver resources;

	CalendarSeed(CalendarManagement management, ResourcePatternResolver resources) {
		this.management = management;
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		var loaded = management.nationalYears();
		var files = new ArrayList<CalendarManagement.HolidayFile>();
		for (var resource : resources.getResources("classpath:seed/holidays/*.json")) {
			var matcher = YEAR_FILE.matcher(String.valueOf(resource.getFilename()));
			if (!matcher.matches() || loaded.contains(Integer.valueOf(matcher.group(1)))) {
				continue;
			}
			var content = resource.getContentAsByteArray();
			if (!new String(content, java.nio.charset.StandardCharsets.UTF_8).contains("\"date\"")) {
				continue;
			}
			files.add(new CalendarManagement.HolidayFile(resource.getFilename(), content));
		}
		if (files.isEmpty()) {
			return;
		}
		var report = management.importSeed(files);
		if (!report.ok()) {
			throw new IllegalStateException("The holiday seed is refused: " + report.refused());
		}
		log.info("Holiday seed: {} national days added from {} files", report.added(), files.size());
	}

}
