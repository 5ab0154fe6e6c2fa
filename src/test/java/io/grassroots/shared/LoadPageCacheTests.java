package io.grassroots.shared;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo load widens H2's page cache and sets back what the database had, also after an interrupted load; an
 * in-memory database is left alone.
 */
class LoadPageCacheTests {

	@TempDir
	Path folder;

	@Test
	void theCacheIsWideWhileLoadingAndBackToTheDatabasesOwnSizeAfterwardsAlsoAfterAReopen() {
		var jdbc = h2("jdbc:h2:file:" + folder.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
		assertThat(cacheKb(jdbc)).isEqualTo(LoadPageCache.H2_DEFAULT_KB);

		try (var cache = LoadPageCache.widen(jdbc)) {
			assertThat(cacheKb(jdbc)).isEqualTo(LoadPageCache.LOAD_KB);
		}

		assertThat(cacheKb(jdbc)).isEqualTo(LoadPageCache.H2_DEFAULT_KB);
		jdbc.execute("shutdown");
		assertThat(cacheKb(h2("jdbc:h2:file:" + folder.resolve("db")))).isEqualTo(LoadPageCache.H2_DEFAULT_KB);
	}

	@Test
	void aSizeChosenForTheDatabaseComesBackAndALargerOneIsLeftAlone() {
		var jdbc = h2("jdbc:h2:file:" + folder.resolve("db"));
		jdbc.execute("set cache_size 32768");
		try (var cache = LoadPageCache.widen(jdbc)) {
			assertThat(cacheKb(jdbc)).isEqualTo(LoadPageCache.LOAD_KB);
		}
		assertThat(cacheKb(jdbc)).isEqualTo(32768);

		jdbc.execute("set cache_size " + 2 * LoadPageCache.LOAD_KB);
		try (var cache = LoadPageCache.widen(jdbc)) {
			assertThat(cacheKb(jdbc)).isEqualTo(2 * LoadPageCache.LOAD_KB);
		}
		assertThat(cacheKb(jdbc)).isEqualTo(2 * LoadPageCache.LOAD_KB);
	}

	@Test
	void aLoadThatWasInterruptedLeavesTheWideCacheWhichTheNextLoadSetsBackToH2sDefault() {
		var jdbc = h2("jdbc:h2:file:" + folder.resolve("db"));
		LoadPageCache.widen(jdbc);
		jdbc.execute("shutdown");

		var reopened = h2("jdbc:h2:file:" + folder.resolve("db"));
		assertThat(cacheKb(reopened)).isEqualTo(LoadPageCache.LOAD_KB);
		try (var cache = LoadPageCache.widen(reopened)) {
			assertThat(cacheKb(reopened)).isEqualTo(LoadPageCache.LOAD_KB);
		}
		assertThat(cacheKb(reopened)).isEqualTo(LoadPageCache.H2_DEFAULT_KB);
	}

	@Test
	void aUserWhoMayNotChangeItLoadsWithTheCacheAsItIs() {
		var admin = h2("jdbc:h2:file:" + folder.resolve("db"));
		admin.execute("create user reader password 'reader'");
		var source = new JdbcDataSource();
		source.setURL("jdbc:h2:file:" + folder.resolve("db"));
		source.setUser("reader");
		source.setPassword("reader");
		var jdbc = new JdbcTemplate(source);

		try (var cache = LoadPageCache.widen(jdbc)) {
			assertThat(cacheKb(jdbc)).isEqualTo(LoadPageCache.H2_DEFAULT_KB);
		}
		assertThat(cacheKb(admin)).isEqualTo(LoadPageCache.H2_DEFAULT_KB);
	}

	@Test
	void anInMemoryDatabaseIsLeftAlone() {
		var jdbc = h2("jdbc:h2:mem:load-page-cache;DB_CLOSE_DELAY=-1");
		try (var cache = LoadPageCache.widen(jdbc)) {
			assertThat(jdbc.queryForList("select setting_name from information_schema.settings"
					+ " where lower(setting_name) = 'cache_size'", String.class)).isEmpty();
		}
		jdbc.execute("shutdown");
	}

	private static JdbcTemplate h2(String url) {
		var source = new JdbcDataSource();
		source.setURL(url);
		source.setUser("sa");
		return new JdbcTemplate(source);
	}

	private static int cacheKb(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select cast(setting_value as int) * 1024 from information_schema.settings"
				+ " where setting_name = 'info.CACHE_MAX_SIZE'", Integer.class);
	}

}
