package io.grassroots.shared.web;

/**
 * Takes a JTE template apart just enough to find its visible text: skips expressions, directives and their
 * parenthesised Java, tags, comments, scripts and entities, and keeps the text inside content blocks.
 */
final class JteText {

	private JteText() {
	}

	/** The text a reader would see, with every expression and directive removed. */
	static String visibleText(String template) {
		var out = new StringBuilder();
		html(template, 0, template.length(), out);
		return out.toString();
	}

	/** The template with its expressions removed (attributes keep their literal parts). */
	static String withoutExpressions(String template) {
		return template.replaceAll("\\$(unsafe)?\\{[^}]*}", "").replaceAll("!\\{[^}]*}", "");
	}

	private static void html(String s, int from, int to, StringBuilder out) {
		var i = from;
		while (i < to) {
			if (s.startsWith("<%--", i)) {
				i = after(s, "--%>", i, to);
			}
			else if (s.startsWith("$unsafe{", i)) {
				i = closing(s, i + 7, '{', '}', to);
			}
			else if (s.startsWith("${", i) || s.startsWith("!{", i)) {
				i = closing(s, i + 1, '{', '}', to);
			}
			else if (s.charAt(i) == '@' && i + 1 < to && Character.isLetter(s.charAt(i + 1))) {
				i = directive(s, i, to, out);
			}
			else if (s.regionMatches(true, i, "<script", 0, 7)) {
				i = after(s, "</script>", i, to);
			}
			else if (s.regionMatches(true, i, "<style", 0, 6)) {
				i = after(s, "</style>", i, to);
			}
			else if (s.charAt(i) == '<') {
				i = tag(s, i, to);
			}
			else if (s.charAt(i) == '&') {
				var end = s.indexOf(';', i);
				i = end > 0 && end - i < 10 ? end + 1 : i + 1;
			}
			else {
				out.append(s.charAt(i++));
			}
		}
	}

	/** Skips {@code @word}, and for {@code @if(…)}, {@code @template.x(…)} and the like its parentheses. */
	private static int directive(String s, int at, int to, StringBuilder out) {
		var i = at + 1;
		while (i < to && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
			i++;
		}
		var word = s.substring(at + 1, i);
		if (word.equals("import") || word.equals("param")) {
			var end = s.indexOf('\n', i);
			return end < 0 ? to : end;
		}
		if (i < to && s.charAt(i) == '(') {
			return java(s, i, to, out);
		}
		return i;
	}

	/** Skips parenthesised Java; content blocks {@code @`…`} inside it are templates again. */
	private static int java(String s, int open, int to, StringBuilder out) {
		var depth = 0;
		var i = open;
		while (i < to) {
			var c = s.charAt(i);
			if (s.startsWith("@`", i)) {
				var end = s.indexOf('`', i + 2);
				html(s, i + 2, end, out);
				i = end + 1;
				continue;
			}
			if (c == '"') {
				i = s.indexOf('"', i + 1) + 1;
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i + 1;
			}
			i++;
		}
		return to;
	}

	/** Skips a tag, including quoted attribute values and expressions that may hold {@code >}. */
	private static int tag(String s, int at, int to) {
		var i = at + 1;
		while (i < to && s.charAt(i) != '>') {
			if (s.startsWith("${", i)) {
				i = closing(s, i + 1, '{', '}', to);
			}
			else if (s.charAt(i) == '"') {
				var end = s.indexOf('"', i + 1);
				i = end < 0 ? to : end + 1;
			}
			else {
				i++;
			}
		}
		return i + 1;
	}

	private static int closing(String s, int open, char opening, char closing, int to) {
		var depth = 0;
		for (var i = open; i < to; i++) {
			var c = s.charAt(i);
			if (c == '"') {
				i = s.indexOf('"', i + 1);
				continue;
			}
			if (c == opening) {
				depth++;
			}
			else if (c == closing && --depth == 0) {
				return i + 1;
			}
		}
		return to;
	}

	private static int after(String s, String end, int at, int to) {
		var found = s.indexOf(end, at);
		return found < 0 ? to : found + end.length();
	}

}
