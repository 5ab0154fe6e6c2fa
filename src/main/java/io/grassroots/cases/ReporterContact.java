package io.grassroots.cases;

/**
 * How to reach a reporter of a case (for notifications): decrypted, so only for the platform's own use.
 *
 * @param merged true for the reporter of a case merged into this one
 */
public record ReporterContact(CaseId caseId, String trackingCode, String name, String phone, boolean merged) {
}
