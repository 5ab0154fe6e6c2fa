package io.grassroots.identity;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The firewall's header and parameter checks without regular expressions decide exactly as Spring Security's. */
class FirewallTests {

	static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointIsJudgedAsByTheExpressions() {
		for (var c = 0; c <= Character.MAX_CODE_POINT; c++) {
			var text = "a" + Character.toString(c) + "b";
			assertThat(Firewall.assignedNotControl(text)).as("U+%04X", c).isEqualTo(NAMES.matcher(text).matches());
			assertThat(Firewall.headerValue(text)).as("U+%04X", c).isEqualTo(VALUES.matcher(text).matches());
		}
	}

	@Test
	void mixedTextAndLoneSurrogatesAreJudgedAsByTheExpressions() {
		var random = new Random(20261204);
		var pieces = new String[] { "Bearer grt_x", "application/json", "\t", "\u0000", "\u007f", "\u0085", "中文",
				"\ud83d\ude00", "\ud83d", "\ude00", "\u0378", "\uffff", "|", " ", "\r\n", "\u2028" };
		for (var i = 0; i < 20_000; i++) {
			var text = new StringBuilder();
			for (var j = random.nextInt(6); j >= 0; j--) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			var s = text.toString();
			assertThat(Firewall.assignedNotControl(s)).as(s).isEqualTo(NAMES.matcher(s).matches());
			assertThat(Firewall.headerValue(s)).as(s).isEqualTo(VALUES.matcher(s).matches());
		}
		assertThat(Firewall.headerValue("")).isTrue();
	}

	@Test
	void theFirewallRefusesControlCharactersInHeadersAndParameterNames() {
		var firewall = Firewall.strict();
		var request = new MockHttpServletRequest("POST", "/api/cases");
		request.addHeader("Idempotency-Key", "abc\u0001");
		request.addHeader("X-Tabbed", "a\tb");
		request.addParameter("la\u0007ng", "en");
		var checked = firewall.getFirewalledRequest(request);
		assertThat(checked.getHeader("X-Tabbed")).isEqualTo("a\tb");
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> checked.getHeader("Idempotency-Key"));
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> checked.getParameter("la\u0007ng"));
	}

}
