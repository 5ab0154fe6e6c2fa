package io.grassroots.evaluation.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.grassroots.evaluation.IndicatorRow;
import io.grassroots.evaluation.Indicators;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The indicators with their formulas and a chart, and the same rows over the API. */
@Controller
class IndicatorsController {

	private final Indicators indicators;

	private final CurrentUser currentUser;

	private final Clock clock;

	IndicatorsController(Indicators indicators, CurrentUser currentUser, Clock clock) {
		this.indicators = indicators;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@GetMapping("/evaluation/indicators")
	String page(@RequestParam(required = false) String month, @RequestParam(defaultValue = "STREET") Indicators.Unit by,
			Model model) {
		var chosen = month(month);
		model.addAttribute("view", new IndicatorsView(chosen.toString(), by, indicators.of(currentUser.actor(), chosen, by)));
		return "evaluation/indicators";
	}

	@GetMapping("/api/evaluation/indicators")
	@ResponseBody
	List<IndicatorRow> api(@RequestParam(required = false) String month,
			@RequestParam(defaultValue = "STREET") Indicators.Unit by) {
		return indicators.of(currentUser.actor(), month(month), by);
	}

	private YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.from(clock.instant().atZone(BeijingTime.ZONE));
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("month", "evaluation.badMonth");
		}
	}

}
