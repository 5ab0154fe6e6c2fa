package io.grassroots.shared.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates hold no literal text: every word people read comes from the message bundles. After taking out the
 * expressions ({@code ${…}}, {@code $unsafe{…}}, {@code !{…}}), the directives ({@code @if(…)}, {@code @for(…)},
 * {@code @template…(…)} whose content blocks are checked in turn, {@code @import}, {@code @param} …), comments and
 * tags, no letter may remain; nor in the attributes people read (title, placeholder, alt, aria-label).
 */
class TemplateTextTests {

	static final Path TEMPLATES = Path.of("src", "main", "jte");

	static final Pattern LETTER = Pattern.compile("\\p{L}");

	static final Pattern READABLE_ATTRIBUTE = Pattern
		.compile("\\s(?:title|placeholder|alt|aria-label)=\"([^\"]*)\"");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		var offences = new ArrayList<String>();
		for (var template : templates()) {
			var text = JteText.visibleText(Files.readString(template));
			if (LETTER.matcher(text).find()) {
				offences.add(TEMPLATES.relativize(template) + ": " + text.replaceAll("\\s+", " ").strip());
			}
			var source = JteText.withoutExpressions(Files.readString(template));
			var attributes = READABLE_ATTRIBUTE.matcher(source);
			while (attributes.find()) {
				if (LETTER.matcher(attributes.group(1)).find()) {
					offences.add(TEMPLATES.relativize(template) + ": attribute " + attributes.group());
				}
			}
		}
		assertThat(offences).as("literal text in templates").isEmpty();
	}

	@Test
	void theScannerFindsTextItShouldAndIgnoresWhatIsNotText() {
		assertThat(JteText.visibleText("<p class=\"x\">${ui.t(\"a.b\")}</p>")).doesNotContainPattern("\\p{L}");
		assertThat(JteText.visibleText("@if(view.x())<b>${a}</b>@else<i>!{var y = 1;}</i>@endif"))
			.doesNotContainPattern("\\p{L}");
		assertThat(JteText.visibleText("@template.layout.page(ui = ui, content = @`<h1>标题</h1>`)")).contains("标题");
		assertThat(JteText.visibleText("<td>${a}</td> 合计")).contains("合计");
		assertThat(JteText.visibleText("<script>var a = 1;</script><style>a { b: c }</style>&nbsp;"))
			.doesNotContainPattern("\\p{L}");
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> paths = Files.walk(TEMPLATES)) {
			return paths.filter(path -> path.toString().endsWith(".jte")).sorted().toList();
		}
	}

}
