package io.grassroots.grid;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import io.grassroots.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this node's {@link NetworkSnapshot} current. A placement uses the snapshot it finds; at most once per
 * {@code grassroots.grid.index-check-interval} it reads {@code grid_network_version} (one primary-key read) and
 * rebuilds when another node (or this one) moved it. A change made on this node forces the check right after its
 * commit, so this node never answers from the old network. The version is read before the grids, so a snapshot is
 * never labelled newer than its content.
 */
@Component
class NetworkIndex {

	private static final Logger log = LoggerFactory.getLogger(NetworkIndex.class);

	private final JdbcClient jdbc;

	private final NetworkVersion versions;

	private final long intervalNanos;

	private volatile NetworkSnapshot snapshot;

	private volatile long checkedAt;

	private volatile boolean forced = true;

	/** Held by the caller that checks the version (and rebuilds): one check at a time. */
	private final ReentrantLock checking = new ReentrantLock();

	NetworkIndex(JdbcClient jdbc, NetworkVersion versions, GridProperties properties) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.intervalNanos = properties.indexCheckInterval().toNanos();
	}

	/**
	 * The snapshot to place with. After a change on this node (or before the first, or with an interval of 0), every
	 * caller waits for the check; the periodic check (for other nodes' changes) is made by one caller while the others go
	 * on with the snapshot they have, older by at most the interval and the check in progress (with a rebuild, its
	 * 0.1–0.2 s). Under load every request thread used to queue on the check each interval and then read the version
	 * again, one after the other (bench/RESULTS.md § intake, 2026-12-06: 458 waits of 10 ms or more, 33 s in all, in
	 * 100 s of intake at 32 clients).
	 */
	NetworkSnapshot current() {
		if (forced || snapshot == null || intervalNanos == 0) {
			checking.lock();
			try {
				if (forced || snapshot == null || intervalNanos == 0) {
					refresh();
				}
			}
			finally {
				checking.unlock();
			}
		}
		else if (due() && checking.tryLock()) {
			try {
				if (forced || due()) {
					refresh();
				}
			}
			finally {
				checking.unlock();
			}
		}
		return snapshot;
	}

	private boolean due() {
		return System.nanoTime() - checkedAt >= intervalNanos;
	}

	/** Makes the next look-up check the version, after the current transaction commits (or at once without one). */
	void invalidateAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forced = true;
				}
			});
		}
		else {
			forced = true;
		}
	}

	/** Reads the version and rebuilds the snapshot if it moved; called holding {@link #checking}. */
	private void refresh() {
		forced = false;
		var version = versions.current();
		checkedAt = System.nanoTime();
		if (snapshot != null && snapshot.version() == version) {
			return;
		}
		var started = System.nanoTime();
		var grids = jdbc.sql("select id, code, name, kind, community, outline, area_m2 from grid_grid")
			.query((rs, n) -> new IndexedGrid(new GridId(rs.getObject("id", UUID.class)), rs.getString("code"),
					rs.getString("name"), GridKind.valueOf(rs.getString("kind")), RegionCode.of(rs.getString("community")),
					Shapes.parse(rs.getString("outline")), rs.getDouble("area_m2")))
			.list();
		snapshot = NetworkSnapshot.of(version, grids);
		log.info("Grid network version {} indexed: {} grids in {} ms", version, grids.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
