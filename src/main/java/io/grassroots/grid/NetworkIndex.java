package io.grassroots.grid;

import java.util.UUID;

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

	NetworkIndex(JdbcClient jdbc, NetworkVersion versions, GridProperties properties) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.intervalNanos = properties.indexCheckInterval().toNanos();
	}

	NetworkSnapshot current() {
		if (forced || snapshot == null || System.nanoTime() - checkedAt >= intervalNanos) {
			refresh();
		}
		return snapshot;
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

	private synchronized void refresh() {
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
