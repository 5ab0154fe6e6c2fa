package io.grassroots.supervision;

import java.time.Instant;

import io.grassroots.region.DepartmentId;

/** 报到: a called department reported in; late when after the whistle's limit. */
public record ReportedIn(WhistleId whistle, DepartmentId department, boolean late, Instant at) {
}
