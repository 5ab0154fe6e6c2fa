package io.grassroots.audit.web;

import java.util.List;

import io.grassroots.audit.AuditEntry;

/**
 * The newest entries of the history.
 *
 * @param prefix only streams starting with it (empty: all)
 * @param limit how many entries are shown at most
 */
public record AuditLogView(List<AuditEntry> entries, String prefix, int limit) {
}
