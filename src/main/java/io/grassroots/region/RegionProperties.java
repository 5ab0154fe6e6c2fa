package io.grassroots.region;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param seed the CSV loaded into an empty region table at start-up (the Changji subtree), or empty for none
 * @param importMaxBytes the largest file an import accepts
 * @param importMaxRows the most rows one import accepts
 */
@ConfigurationProperties("grassroots.region")
public record RegionProperties(@DefaultValue("classpath:seed/regions/changji_6523_subtree.csv") String seed,
		@DefaultValue("67108864") long importMaxBytes, @DefaultValue("1000000") int importMaxRows) {
}
