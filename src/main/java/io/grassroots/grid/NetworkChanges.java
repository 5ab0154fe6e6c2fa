package io.grassroots.grid;

import java.util.Set;

import io.grassroots.shared.RegionCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What every change to the network's shapes does in its transaction: bump the version, tell the index and others. */
@Component
class NetworkChanges {

	private final NetworkVersion versions;

	private final NetworkIndex index;

	private final ApplicationEventPublisher events;

	NetworkChanges(NetworkVersion versions, NetworkIndex index, ApplicationEventPublisher events) {
		this.versions = versions;
		this.index = index;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	long changed(Set<RegionCode> communities) {
		var version = versions.bump();
		index.invalidateAfterCommit();
		events.publishEvent(new GridsChanged(communities, version));
		return version;
	}

}
