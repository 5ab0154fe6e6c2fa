package io.grassroots.evaluation;

import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.Rating;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.supervision.ReopenCandidates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dissatisfied or unresolved cases in a supervisor's region that may be reopened, newest first. */
@Component
class Reopenable implements ReopenCandidates {

	private final JdbcClient jdbc;

	private final CaseQueries cases;

	private final Departments departments;

	Reopenable(JdbcClient jdbc, CaseQueries cases, Departments departments) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.departments = departments;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Candidate> reopenable(Actor actor, int limit) {
		if (actor.scope().kind() != DataScope.Kind.REGION) {
			return List.of();
		}
		return jdbc.sql("""
				select case_id, rating, resolved, evaluated_at from evaluation_case where unsatisfactory = true
				and region >= :from and region < :to order by evaluated_at desc limit :limit""")
			.param("from", actor.scope().region().subtreeFrom())
			.param("to", actor.scope().region().subtreeTo())
			.param("limit", limit)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3),
					rs.getTimestamp(4).toInstant() })
			.list()
			.stream()
			.flatMap(row -> candidate(actor, row).stream())
			.toList();
	}

	private java.util.Optional<Candidate> candidate(Actor actor, Object[] row) {
		try {
			var c = cases.summary(actor, new CaseId((UUID) row[0]));
			return java.util.Optional.of(new Candidate(c.id(), c.trackingCode(), c.title(), Rating.valueOf((String) row[1]),
					(Boolean) row[2], c.leadDepartment() == null ? ""
							: departments.find(c.leadDepartment()).map(DepartmentView::name).orElse(""),
					(java.time.Instant) row[3], c.version()));
		}
		catch (ForbiddenException confidential) {
			return java.util.Optional.empty();
		}
	}

}
