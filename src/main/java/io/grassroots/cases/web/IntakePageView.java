package io.grassroots.cases.web;

import java.util.List;

import io.grassroots.cases.Channel;
import io.grassroots.region.RegionView;

/**
 * An intake form (the staff console, the grid worker's phone page, the resident's page): the choices it offers and
 * the idempotency key that makes re-sending it safe.
 *
 * @param action where the form posts
 */
public record IntakePageView(String action, List<Channel> channels, List<CategoryOption> categories,
		List<RegionView> communities, String idempotencyKey) {
}
