package io.grassroots.cases.web;

import java.util.List;

/**
 * A work place (the dispatcher's workbench, a department's inbox, the community's list, the case search): its tabs
 * and the rows of the chosen one.
 *
 * @param place which work place, as a message key suffix and path ({@code workbench}, {@code inbox} …)
 */
public record QueuePageView(String place, List<Queue> queues, Queue active, QueueRowsView rows, String text) {
}
