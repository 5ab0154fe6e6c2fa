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
 * assistants have rows here, so the common loop never touches this table.
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

	/** Replaces the assistants of a case (a new dispatch brings its own). */
	void assign(CaseId id, List<DepartmentId> departments) {
		jdbc.sql("delete from cases_assist where case_id = :id").param("id", id.id()).update();
		for (var department : departments) {
			jdbc.sql("insert into cases_assist (case_id, department) values (:id, :department)")
				.param("id", id.id())
				.param("department", department.id())
				.update();
		}
	}

	void reported(CaseId id, DepartmentId department, Instant at) {
		jdbc.sql("update cases_assist set reported_at = :at where case_id = :id and department = :department")
			.param("at", Timestamp.from(at))
			.param("id", id.id())
			.param("department", department.id())
			.update();
	}

}
