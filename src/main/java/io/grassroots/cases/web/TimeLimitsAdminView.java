package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.TimeLimitRule;

/** The time-limit table as administrators edit it. */
public record TimeLimitsAdminView(List<TimeLimitRule> rules) {
}
