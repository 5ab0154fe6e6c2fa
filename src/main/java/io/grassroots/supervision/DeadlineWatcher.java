package io.grassroots.supervision;

import java.util.List;

import io.grassroots.cases.DueCase;

/**
 * Told by the deadline sweep about every change of light it reads, a page at a time, after supervision has acted on
 * the page (outside its transaction). Implemented by modules above supervision that act on deadlines too (evaluation ends the evaluation
 * window with «no reply»). The same change may be told twice when sweeps race or repeat: act idempotently.
 */
public interface DeadlineWatcher {

	/** One change, in a transaction of its own (when a page failed as a batch, its changes are told one by one). */
	void lightChanged(DueCase change);

	/**
	 * A page of changes (up to the sweep's batch size), in one transaction: by default one by one. A watcher with
	 * work to do for most changes overrides it to read and write for the page in set-based statements. If it throws,
	 * the page is rolled back and told again one change at a time.
	 */
	default void lightChanged(List<DueCase> changes) {
		changes.forEach(this::lightChanged);
	}

}
