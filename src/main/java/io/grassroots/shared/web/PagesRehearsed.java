package io.grassroots.shared.web;

/**
 * The start's rehearsal of the work pages is over: {@code rounds} of them ran (fewer than configured when the node
 * stopped first), before the node was ready or, with {@code afterReady}, on a thread of their own after it (decision
 * 0036).
 */
public record PagesRehearsed(int rounds, boolean afterReady) {
}
