package io.grassroots.supervision;

import io.grassroots.cases.DueCase;

/**
 * Told by the deadline sweep about every change of light it reads, after supervision has acted on it (outside its
 * transaction). Implemented by modules above supervision that act on deadlines too (evaluation ends the evaluation
 * window with «no reply»). The same change may be told twice when sweeps race or repeat: act idempotently.
 */
public interface DeadlineWatcher {

	void lightChanged(DueCase change);

}
