package io.grassroots.notification.web;

import java.util.List;

import io.grassroots.notification.NotificationManagement;

/** The signed-in account's notices, newest first. */
public record NoticesView(List<NotificationManagement.Notice> notices) {
}
