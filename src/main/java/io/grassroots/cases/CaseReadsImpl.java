package io.grassroots.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.region.DepartmentId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link CaseReads}: every column of {@code cases_case}, mapped by {@link CaseColumns#read}. A bean of its own (the
 * repository's fragment), so that the transitions can load through it without the repository proxy's interceptors.
 */
@Component
class CaseReadsImpl implements CaseReads {

	private static final String WITH_ASSISTS = """
			select c.*, a.department as assist_department, a.reported_at as assist_reported_at
			from cases_case c left join cases_assist a on a.case_id = c.id
			where c.id = :id order by a.department""";

	private final JdbcClient jdbc;

	CaseReadsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Case> findById(CaseId id) {
		return one("select * from cases_case where id = :value", id.id());
	}

	@Override
	public Optional<Case> findByTrackingCode(String code) {
		return one("select * from cases_case where tracking_code = :value", code);
	}

	@Override
	public List<Case> findMergedInto(CaseId into) {
		return jdbc.sql("select * from cases_case where merged_into = :into order by reported_at")
			.param("into", into.id())
			.query((rs, n) -> CaseColumns.read(rs))
			.list();
	}

	@Override
	public Optional<Loaded> findWithAssists(CaseId id) {
		return jdbc.sql(WITH_ASSISTS).param("id", id.id()).query(rs -> {
			if (!rs.next()) {
				return Optional.<Loaded>empty();
			}
			var subject = CaseColumns.read(rs);
			var assists = new ArrayList<AssistStore.Part>(0);
			do {
				var department = rs.getObject("assist_department", UUID.class);
				if (department != null) {
					var reported = rs.getTimestamp("assist_reported_at");
					assists.add(new AssistStore.Part(new DepartmentId(department),
							reported == null ? null : reported.toInstant()));
				}
			}
			while (rs.next());
			return Optional.of(new Loaded(subject, List.copyOf(assists)));
		});
	}

	private Optional<Case> one(String sql, Object value) {
		return jdbc.sql(sql).param("value", value).query((rs, n) -> CaseColumns.read(rs)).optional();
	}

}
