package io.grassroots.notification.web;

/** How many notices arrived since the account last looked (the bell in the layout). */
public record BadgeView(long unseen) {
}
