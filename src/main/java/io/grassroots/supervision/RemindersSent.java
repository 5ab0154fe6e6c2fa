package io.grassroots.supervision;

import java.util.List;

/**
 * 催办: reminders went out — the reminders the deadline sweep sent for a page of light changes, or one sent by hand.
 * The only event about reminders: published once per page, so that a listener writes its rows for the whole page in
 * one batch.
 */
public record RemindersSent(List<ReminderSent> reminders) {

	public RemindersSent {
		reminders = List.copyOf(reminders);
	}

}
