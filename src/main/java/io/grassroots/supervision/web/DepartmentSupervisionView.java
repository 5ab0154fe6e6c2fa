package io.grassroots.supervision.web;

import io.grassroots.supervision.SupervisionRows;

/** A department's reminders, supervision orders, cards and whistle calls. */
public record DepartmentSupervisionView(SupervisionRows.DepartmentView department) {
}
