package io.grassroots.audit;

/** Follows the chains entry by entry (ordered by stream and sequence) and keeps the earliest-written broken link. */
final class ChainCheck {

	long entries;

	long streams;

	String stream;

	int expectedSeq;

	String expectedPrevious;

	AuditEntry firstBroken;

	String reason;

	void check(AuditEntry entry) {
		if (!entry.stream().equals(stream)) {
			stream = entry.stream();
			streams++;
			expectedSeq = 1;
			expectedPrevious = ChainHash.GENESIS;
		}
		String problem = null;
		if (entry.seq() != expectedSeq) {
			problem = "audit.broken.gap";
		}
		else if (!entry.previousHash().equals(expectedPrevious)) {
			problem = "audit.broken.previous";
		}
		else if (!entry.hash().equals(ChainHash.of(entry.previousHash(), entry.stream(), entry.seq(), entry.at(),
				entry.actorId(), entry.action(), entry.details()))) {
			problem = "audit.broken.hash";
		}
		if (problem != null && (firstBroken == null || entry.entryNo() < firstBroken.entryNo())) {
			firstBroken = entry;
			reason = problem;
		}
		expectedSeq = entry.seq() + 1;
		expectedPrevious = entry.hash();
	}

}
