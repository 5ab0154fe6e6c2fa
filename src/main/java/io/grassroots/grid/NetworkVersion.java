package io.grassroots.grid;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single row that says which version of the network is current. Every change to a grid's shape bumps it in
 * the same transaction (which also serialises concurrent network changes on its row lock); every node compares it
 * with the version of its own index.
 */
@Component
class NetworkVersion {

	private final JdbcClient jdbc;

	NetworkVersion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	long bump() {
		jdbc.sql("update grid_network_version set version = version + 1 where id = 1").update();
		return current();
	}

	long current() {
		return jdbc.sql("select version from grid_network_version where id = 1").query(Long.class).single();
	}

}
