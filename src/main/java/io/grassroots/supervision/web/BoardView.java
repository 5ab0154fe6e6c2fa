package io.grassroots.supervision.web;

import java.util.List;

import io.grassroots.region.DepartmentView;
import io.grassroots.supervision.SupervisionRows;

/**
 * The supervisor's board (督办看板) and the departments its forms may name.
 *
 * @param supervisor whether the viewer may remind, supervise, card and reopen (dispatchers may only whistle)
 */
public record BoardView(SupervisionRows.Board board, List<DepartmentView> departments, boolean supervisor) {

	/** Hours of a signed number of minutes, for «overdue by h:mm». */
	public static long hours(long minutes) {
		return Math.abs(minutes) / 60;
	}

	public static long minutes(long minutes) {
		return Math.abs(minutes) % 60;
	}

}
