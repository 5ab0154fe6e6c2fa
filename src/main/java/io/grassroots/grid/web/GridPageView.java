package io.grassroots.grid.web;

import java.util.List;

import io.grassroots.grid.DueVisit;
import io.grassroots.grid.GridDetails;

/**
 * One grid's page.
 *
 * @param due the households due for a visit (empty for readers who may not see the registers)
 * @param mayKeepRegisters whether the reader may open the household register
 * @param teamText the team as the edit form shows it
 * @param membersText the branch members as the edit form shows them
 * @param roles the role names the team form accepts
 */
public record GridPageView(GridDetails details, List<DueVisit> due, boolean mayKeepRegisters, String teamText,
		String membersText, String roles) {
}
