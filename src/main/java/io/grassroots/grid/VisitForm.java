package io.grassroots.grid;

import java.time.LocalDateTime;

/**
 * A household visit as the visitor records it.
 *
 * @param visitedAt when, in Beijing time ({@code null}: now); never in the future
 * @param place where, if not at the household's address
 * @param findings what was found, or blank
 * @param reportAsCase hand the findings on as a case ({@link VisitFindingReported})
 */
public record VisitForm(LocalDateTime visitedAt, String place, String findings, boolean reportAsCase) {
}
