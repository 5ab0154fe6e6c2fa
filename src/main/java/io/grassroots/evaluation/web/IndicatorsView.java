package io.grassroots.evaluation.web;

import java.util.LinkedHashMap;
import java.util.List;

import io.grassroots.evaluation.IndicatorRow;
import io.grassroots.evaluation.Indicators;
import tools.jackson.databind.json.JsonMapper;

/** The indicators page: the month, the kind of unit, the rows ranked, and the chart's data as JSON. */
public record IndicatorsView(String month, Indicators.Unit by, List<IndicatorRow> rows) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The chart's data (names and the three rates in percent), safe inside a script element. */
	public String chartJson() {
		var data = new LinkedHashMap<String, Object>();
		data.put("names", rows.stream().map(IndicatorRow::name).toList());
		data.put("response", rows.stream().map(r -> percent(r.responseRate())).toList());
		data.put("resolution", rows.stream().map(r -> percent(r.resolutionRate())).toList());
		data.put("satisfaction", rows.stream().map(r -> percent(r.satisfactionRate())).toList());
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

	private static Double percent(Double rate) {
		return rate == null ? null : Math.round(rate * 1000) / 10.0;
	}

}
