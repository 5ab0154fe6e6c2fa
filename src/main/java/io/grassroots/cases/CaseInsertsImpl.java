package io.grassroots.cases;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CaseInserts}: the columns of cases_case, in the order of its migration; parameters from {@link CaseColumns}. */
class CaseInsertsImpl implements CaseInserts {

	private static final String INSERT = """
			insert into cases_case (id, tracking_code, intake_key, channel, status, tier, resolved_at_tier, title,
			description, category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude,
			address, reporter_name, reporter_phone, reporter_phone_index, reporter_account, anonymous, confidential,
			suggested_department, lead_department, merged_into, suspected_duplicate, step, step_started_at, warn_at, due_at,
			step_span_seconds, step_unit, parked_at, parked_remaining_seconds, extension_amount, extension_unit,
			return_count, rework_count, extension_count, reopen_count, rating, resolved, reported_at, filed_at,
			dispatched_at, claimed_at, reported_back_at, closed_at, evaluated_at, version)
			values (:id, :trackingCode, :intakeKey, :channel, :status, :tier, :resolvedAtTier, :title, :description,
			:categoryStandard, :categoryCode, :urgency, :complex, :region, :grid, :placement, :longitude, :latitude,
			:address, :reporterName, :reporterPhone, :reporterPhoneIndex, :reporterAccount, :anonymous, :confidential,
			:suggestedDepartment, :leadDepartment, :mergedInto, :suspectedDuplicate, :step, :stepStartedAt, :warnAt, :dueAt,
			:stepSpanSeconds, :stepUnit, :parkedAt, :parkedRemainingSeconds, :extensionAmount, :extensionUnit,
			:returnCount, :reworkCount, :extensionCount, :reopenCount, :rating, :resolved, :reportedAt, :filedAt,
			:dispatchedAt, :claimedAt, :reportedBackAt, :closedAt, :evaluatedAt, 0)""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate template;

	CaseInsertsImpl(JdbcClient jdbc, NamedParameterJdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	@Override
	public Case saveNew(Case c) {
		if (c.version() != 0 || c.status() == null) {
			throw new IllegalArgumentException("saveNew takes a case that was never saved");
		}
		jdbc.sql(INSERT).params(CaseColumns.all(c)).update();
		c.saved(0L);
		return c;
	}

	@Override
	public List<Case> saveAllNew(List<Case> reported) {
		if (reported.size() == 1) {
			saveNew(reported.get(0));
			return reported;
		}
		var rows = new SqlParameterSource[reported.size()];
		for (var i = 0; i < rows.length; i++) {
			var c = reported.get(i);
			if (c.version() != 0 || c.status() == null) {
				throw new IllegalArgumentException("saveAllNew takes cases that were never saved");
			}
			rows[i] = new MapSqlParameterSource(CaseColumns.all(c));
		}
		template.batchUpdate(INSERT, rows);
		reported.forEach(c -> c.saved(0L));
		return reported;
	}

}
