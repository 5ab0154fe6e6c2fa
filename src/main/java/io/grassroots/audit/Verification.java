package io.grassroots.audit;

/**
 * The result of checking every chain.
 *
 * @param entries how many links were checked
 * @param streams how many chains
 * @param firstBroken the first link (in the order it was written) whose hash or predecessor does not match, or
 * {@code null} when every chain is intact
 * @param reason why that link is broken, as a message key
 */
public record Verification(long entries, long streams, AuditEntry firstBroken, String reason) {

	public boolean intact() {
		return firstBroken == null;
	}

}
