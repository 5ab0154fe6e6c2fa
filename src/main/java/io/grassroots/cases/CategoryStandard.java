package io.grassroots.cases;

import java.time.Instant;

/** A category standard loaded into the platform, e.g. {@code CJT214} or {@code GBT47678.5-2026}. */
public record CategoryStandard(String code, String title, Instant loadedAt) {
}
