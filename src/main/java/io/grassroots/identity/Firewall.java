package io.grassroots.identity;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rules for header names, header values and parameter names
 * (every character assigned in Unicode and not a control character; a tab allowed in header values), checked
 * character by character instead of by its regular expressions. The firewall checks every header a request reads,
 * on every read, so the regular expressions ran several times per API request (bench/RESULTS.md § intake,
 * 2026-12-04 evening); {@code FirewallTests} holds these checks to the expressions.
 */
final class Firewall {

	private Firewall() {
	}

	static StrictHttpFirewall strict() {
		var firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(Firewall::assignedNotControl);
		firewall.setAllowedHeaderValues(Firewall::headerValue);
		firewall.setAllowedParameterNames(Firewall::assignedNotControl);
		return firewall;
	}

	/** As {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
	static boolean assignedNotControl(String text) {
		return allowed(text, false);
	}

	/** As {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
	static boolean headerValue(String text) {
		return allowed(text, true);
	}

	private static boolean allowed(String text, boolean tab) {
		for (var i = 0; i < text.length();) {
			var c = text.codePointAt(i);
			if (c < 0x20 || c >= 0x7f) {
				var type = Character.getType(c);
				if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
					return false;
				}
			}
			i += Character.charCount(c);
		}
		return true;
	}

}
