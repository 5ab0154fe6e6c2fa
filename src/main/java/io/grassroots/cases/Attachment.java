package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

/** A photo or other evidence of a case, with the action it came with. */
public record Attachment(UUID id, CaseId caseId, CaseAction purpose, String mediaType, int sizeBytes, String sha256,
		Instant addedAt, String addedBy) {
}
