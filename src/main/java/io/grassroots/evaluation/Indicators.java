package io.grassroots.evaluation;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.region.RegionView;
import io.grassroots.region.Regions;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of CASE-LIFECYCLE.md per street, community or department and month, ranked by the composite score
 * with its band. Sums over the monthly counters within the viewer's region range ({@code report_case_month}); the
 * case table is never read.
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

	/** What the rows are: streets, communities or departments. */
	public enum Unit {

		STREET, COMMUNITY, DEPARTMENT

	}

	private static final String SUMS = """
			sum(dispatched), sum(returned), sum(claimed_on_time), sum(reworked), sum(extended), sum(closed),
			sum(closed_grid), sum(closed_community), sum(closed_department), sum(rated), sum(resolved), sum(satisfied)""";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Departments departments;

	private final EvaluationProperties properties;

	Indicators(JdbcClient jdbc, Regions regions, Departments departments, EvaluationProperties properties) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.departments = departments;
		this.properties = properties;
	}

	public List<IndicatorRow> of(Actor actor, YearMonth month, Unit by) {
		var scope = actor.scope();
		var key = switch (by) {
			case STREET -> "substr(region, 1, 9)";
			case COMMUNITY -> "region";
			case DEPARTMENT -> "cast(department as varchar(36))";
		};
		var where = scope.kind() == DataScope.Kind.DEPARTMENT ? "department = :department"
				: "region >= :from and region < :to" + (by == Unit.DEPARTMENT ? " and department <> :none" : "")
						+ (by == Unit.COMMUNITY ? " and region not like '%000'" : "");
		return jdbc.sql("select " + key + " as unit, " + SUMS + " from report_case_month where tally_month = :month and "
				+ where + " group by " + key)
			.param("month", month.toString())
			.param("department", scope.department())
			.param("from", scope.region().subtreeFrom())
			.param("to", scope.region().subtreeTo())
			.param("none", MonthTally.NO_DEPARTMENT)
			.query((rs, n) -> row(rs.getString(1), by, new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
					rs.getInt(13) }))
			.list()
			.stream()
			.sorted(Comparator.comparing((IndicatorRow r) -> r.composite() == null ? -1 : r.composite()).reversed())
			.toList();
	}

	IndicatorRow row(String unit, Unit by, int[] c) {
		var orders = c[0] - c[1];
		var response = rate(c[2], orders);
		var resolution = rate(c[10], c[9]);
		var satisfaction = rate(c[11], c[9]);
		var composite = composite(response, resolution, satisfaction);
		return new IndicatorRow(unit, name(unit, by), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
				c[11], response, resolution, satisfaction, rate(c[3], c[5]), rate(c[4], orders), rate(c[6], c[5]),
				rate(c[7], c[5]), rate(c[8], c[5]), composite, composite == null ? null : properties.band(composite));
	}

	private Double composite(Double response, Double resolution, Double satisfaction) {
		var weights = 0.0;
		var sum = 0.0;
		for (var part : List.of(new double[] { response == null ? -1 : response, properties.responseWeight() },
				new double[] { resolution == null ? -1 : resolution, properties.resolutionWeight() },
				new double[] { satisfaction == null ? -1 : satisfaction, properties.satisfactionWeight() })) {
			if (part[0] >= 0) {
				sum += part[0] * part[1];
				weights += part[1];
			}
		}
		return weights == 0 ? null : sum / weights;
	}

	private String name(String unit, Unit by) {
		if (by == null) {
			return unit;
		}
		if (by == Unit.DEPARTMENT) {
			return departments.find(new DepartmentId(UUID.fromString(unit))).map(DepartmentView::name).orElse(unit);
		}
		var code = by == Unit.STREET ? RegionCode.of(unit + "000") : RegionCode.of(unit);
		return regions.find(code).map(RegionView::name).orElse(code.value());
	}

	static Double rate(int numerator, int denominator) {
		return denominator <= 0 ? null : Math.min(1.0, Math.max(0.0, (double) numerator / denominator));
	}

}
