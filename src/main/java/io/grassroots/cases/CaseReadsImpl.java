package io.grassroots.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.region.DepartmentId;

import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * {@link CaseReads}: the columns of {@link CaseColumns#READ}, mapped by {@link CaseColumns#read}. A bean of its own (the
 * repository's fragment), so that the transitions can load through it without the repository proxy's interceptors.
 * The statements are positional and bound as they are ({@link JdbcTemplate}): a transition loads its case once, and
 * expanding a named parameter on every load was a visible part of it (bench/RESULTS.md § lifecycle, 2026-12-04 evening).
 */
@Component
class CaseReadsImpl implements CaseReads {

	private static final String SELECT = "select " + CaseColumns.SELECTED + " from cases_case c";

	private static final String BY_ID = SELECT + " where c.id = ?";

	private static final String BY_TRACKING_CODE = SELECT + " where c.tracking_code = ?";

	private static final String MERGED_INTO = SELECT + " where c.merged_into = ? order by c.reported_at";

	/** The case's columns, then its assisting departments (one row each; one row of nulls when there are none). */
	private static final String WITH_ASSISTS = "select " + CaseColumns.SELECTED
			+ ", a.department, a.reported_at from cases_case c left join cases_assist a on a.case_id = c.id"
			+ " where c.id = ? order by a.department";

	private static final int ASSIST_DEPARTMENT = CaseColumns.READ.size() + 1;

	private static final RowMapper<Case> CASE = (rs, n) -> CaseColumns.read(rs);

	private final JdbcTemplate jdbc;

	CaseReadsImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Case> findById(CaseId id) {
		return one(BY_ID, id.id());
	}

	@Override
	public Optional<Case> findByTrackingCode(String code) {
		return one(BY_TRACKING_CODE, code);
	}

	@Override
	public List<Case> findMergedInto(CaseId into) {
		return jdbc.query(MERGED_INTO, CASE, into.id());
	}

	@Override
	public Optional<Loaded> findWithAssists(CaseId id) {
		return jdbc.query(WITH_ASSISTS, rs -> {
			if (!rs.next()) {
				return Optional.<Loaded>empty();
			}
			var subject = CaseColumns.read(rs);
			var assists = new ArrayList<AssistStore.Part>(0);
			do {
				var department = rs.getObject(ASSIST_DEPARTMENT, UUID.class);
				if (department != null) {
					var reported = rs.getTimestamp(ASSIST_DEPARTMENT + 1);
					assists.add(new AssistStore.Part(new DepartmentId(department),
							reported == null ? null : reported.toInstant()));
				}
			}
			while (rs.next());
			return Optional.of(new Loaded(subject, List.copyOf(assists)));
		}, id.id());
	}

	private Optional<Case> one(String sql, Object value) {
		return DataAccessUtils.optionalResult(jdbc.query(sql, CASE, value));
	}

}
