package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.grassroots.region.DepartmentId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The assisting departments of a case (协办) and whether each has reported its part. Only cases dispatched with
 * assistants have rows here, so the common loop never touches this table. Each row also keeps a copy of what a
 * department's inbox needs of the case (its state, the deadline of its step, when it was reported), so that the
 * inbox reads the cases a department assists on in the queue's order, from the index {@code cases_assist_queue},
 * like the orders it leads; the copy is written in the transaction of every change of the case ({@link #assign},
 * {@link #follow}).
 */
@Repository
class AssistStore {

	private final JdbcClient jdbc;

	AssistStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One assisting department and when it reported, if it has. */
	record Part(DepartmentId department, Instant reportedAt) {
	}

	List<Part> of(CaseId id) {
		return jdbc.sql("select department, reported_at from cases_assist where case_id = :id order by department")
			.param("id", id.id())
			.query((rs, n) -> new Part(new DepartmentId(rs.getObject(1, UUID.class)),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.list();
	}

	/**
	 * Replaces the assistants of a case (a new dispatch brings its own) and marks the case as assisted, so that its
	 * later transitions keep the copy current ({@link CaseRowUpdate}).
	 */
	void assign(Case c, List<DepartmentId> departments) {
		jdbc.sql("delete from cases_assist where case_id = :id").param("id", c.id().id()).update();
		if (departments.isEmpty()) {
			return;
		}
		for (var department : departments) {
			jdbc.sql("""
					insert into cases_assist (case_id, department, case_status, case_due_at, case_reported_at)
					values (:id, :department, :status, :dueAt, :reportedAt)""")
				.param("id", c.id().id())
				.param("department", department.id())
				.param("status", c.status().name())
				.param("dueAt", dueAt(c))
				.param("reportedAt", Timestamp.from(c.milestones().reportedAt()))
				.update();
		}
		jdbc.sql("update cases_case set assisted = true where id = :id").param("id", c.id().id()).update();
	}

	/** Copies the state and the deadline of a just saved case to its assist rows (in the transition's transaction). */
	void follow(Case c) {
		jdbc.sql("update cases_assist set case_status = :status, case_due_at = :dueAt where case_id = :id")
			.param("status", c.status().name())
			.param("dueAt", dueAt(c))
			.param("id", c.id().id())
			.update();
	}

	void reported(CaseId id, DepartmentId department, Instant at) {
		jdbc.sql("update cases_assist set reported_at = :at where case_id = :id and department = :department")
			.param("at", Timestamp.from(at))
			.param("id", id.id())
			.param("department", department.id())
			.update();
	}

	private static Timestamp dueAt(Case c) {
		return c.clock() == null || c.clock().dueAt() == null ? null : Timestamp.from(c.clock().dueAt());
	}

}
