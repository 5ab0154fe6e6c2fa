package io.grassroots.shared;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2's page cache, widened while the demo data loads and set back afterwards. H2 keeps 16 MB of pages by default; the
 * demo's grid network (15,000 household and visit rows with their indexes, in one transaction) outgrows it, so H2
 * evicted pages it had just written and read them back from the file, mostly while committing the step — about 6,600
 * page reads and a third of the commit on a first start (bench/RESULTS.md § start, 2026-12-04 evening). With
 * {@value #LOAD_KB} KB the load reads next to nothing back. Setting the size back empties the cache, so the embedded
 * server does not keep the load's pages on its heap once ready.
 * <p>
 * H2 stores {@code CACHE_SIZE} with the database. A load that was interrupted leaves {@value #LOAD_KB} behind; the next
 * start finds it and sets H2's default back instead. A database user who may not change it (not an administrator),
 * an in-memory H2 database and another database are left as they are.
 */
final class LoadPageCache implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LoadPageCache.class);

	/** KB of pages while loading: the grid network and the demo cases' working set stays in memory. */
	static final int LOAD_KB = 128 * 1024;

	/** H2's own default, in KB. */
	static final int H2_DEFAULT_KB = 16 * 1024;

	private final JdbcTemplate jdbc;

	private final int previous;

	private LoadPageCache(JdbcTemplate jdbc, int previous) {
		this.jdbc = jdbc;
		this.previous = previous;
	}

	/** Widens the cache on H2; on another database answers a cache that does nothing when closed. */
	static LoadPageCache widen(JdbcTemplate jdbc) {
		if (!Boolean.TRUE.equals(jdbc.execute(LoadPageCache::h2))) {
			return new LoadPageCache(jdbc, -1);
		}
		var current = jdbc.queryForList("select cast(setting_value as int) * 1024 from information_schema.settings"
				+ " where setting_name = 'info.CACHE_MAX_SIZE'", Integer.class);
		if (current.isEmpty()) {
			// an in-memory database: no file, no page cache
			return new LoadPageCache(jdbc, -1);
		}
		var previous = current.get(0) == LOAD_KB ? H2_DEFAULT_KB : current.get(0);
		if (previous >= LOAD_KB) {
			return new LoadPageCache(jdbc, -1);
		}
		try {
			set(jdbc, LOAD_KB);
		}
		catch (DataAccessException e) {
			// only an administrator may change it; the load is slower, not wrong
			log.info("H2 page cache left at {} KB for the demo load: {}", previous, e.getMessage());
			return new LoadPageCache(jdbc, -1);
		}
		log.debug("H2 page cache {} KB while the demo data loads (was {} KB)", LOAD_KB, previous);
		return new LoadPageCache(jdbc, previous);
	}

	@Override
	public void close() {
		if (previous > 0) {
			set(jdbc, previous);
		}
	}

	private static void set(JdbcTemplate jdbc, int kb) {
		jdbc.execute("set cache_size " + kb);
	}

	private static boolean h2(Connection connection) throws SQLException {
		return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
	}

}
