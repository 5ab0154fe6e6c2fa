package io.grassroots.cases.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseRow;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.Channel;
import io.grassroots.cases.QueueCursor;
import io.grassroots.cases.Tier;
import io.grassroots.cases.TrafficLight;
import io.grassroots.cases.Urgency;
import io.grassroots.shared.web.PageRehearsal;

import org.springframework.stereotype.Component;

/**
 * The work places' pages rehearsed before the node is ready (decision 0026, amended 2026-12-06 late): the workbench
 * and the inbox with a page of made-up rows, the next page ("show more") and the rows as the API's JSON. The rows
 * vary in every column a row's template branches on (channel, state, tier, urgency, light, duplicate, confidential,
 * extension), so each branch's code is run. Nothing is read or kept.
 */
@Component
class QueueRehearsal implements PageRehearsal {

	/** A fixed moment: the rows' times only need to be times. */
	private static final Instant NOON = Instant.parse("2026-01-05T04:00:00Z");

	private final List<CaseRow> rows;

	private final QueueCursor next;

	QueueRehearsal() {
		var made = new ArrayList<CaseRow>();
		var statuses = CaseStatus.values();
		var channels = Channel.values();
		var lights = TrafficLight.values();
		for (var i = 0; i < WorkPlaceController.PAGE; i++) {
			var id = new CaseId(new UUID(0x2026L, i));
			var reported = NOON.minus(Duration.ofMinutes(37L * i));
			made.add(new CaseRow(id, "GR2026010500" + (1000 + i), "小区" + (i % 9 + 1) + "号楼东侧路灯不亮，夜间出行不便（第" + i + "条）",
					channels[i % channels.length], statuses[i % statuses.length], Tier.values()[i % Tier.values().length],
					i % 7 == 0 ? Urgency.URGENT : Urgency.NORMAL, "市政设施·路灯", "昌吉市宁边路街道建国社区",
					i % 3 == 0 ? "" : "市城市管理局", i % 4 == 0 ? "市住房和城乡建设局" : "",
					i % 11 == 0 ? new CaseId(new UUID(0x2026L, i + 1000)) : null, i % 13 == 0, lights[i % lights.length],
					(i % 5 - 2) * 97L, i % 6 == 0 ? null : reported.plus(Duration.ofDays(3)), reported, i % 8 == 0, i));
		}
		this.rows = List.copyOf(made);
		var last = rows.get(rows.size() - 1);
		this.next = new QueueCursor(last.dueAt(), last.reportedAt(), last.id());
	}

	@Override
	public void rehearse(Stage stage) {
		stage.render("cases/queuePage", new QueuePageView("workbench", Queue.workbench(), Queue.NEW,
				new QueueRowsView("workbench", Queue.NEW, rows, next, null, true), ""));
		stage.render("cases/queuePage", new QueuePageView("inbox", Queue.inbox(), Queue.inbox().get(0),
				new QueueRowsView("inbox", Queue.inbox().get(0), rows, next, null, false), ""));
		stage.render("cases/queueNextRows", new QueueRowsView("workbench", Queue.IN_PROGRESS_QUEUE, rows, next, null,
				false));
		stage.json(rows);
	}

}
