package io.grassroots.audit.web;

import java.util.List;

import io.grassroots.audit.AuditEntry;

/** One stream's chain, oldest link first. */
public record AuditStreamView(String stream, List<AuditEntry> entries) {
}
