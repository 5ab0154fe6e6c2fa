package io.grassroots.shared.web;

/** The home page needs nothing beyond the layout context; the record keeps one view model per template. */
public record HomeView() {
}
