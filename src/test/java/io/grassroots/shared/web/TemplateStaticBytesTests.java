package io.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.QueueCursor;
import io.grassroots.cases.web.Queue;
import io.grassroots.cases.web.QueueRowsView;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * The console templates are generated with their static text as UTF-8 bytes made at build time (decision 0025): each
 * generated class loads its {@code .bin} file from the class path when first used, and a page rendered into the
 * byte output the console uses is the same as the page rendered as text.
 */
class TemplateStaticBytesTests {

	@Test
	void everyTemplateFindsItsStaticTextOnTheClassPath() throws Exception {
		var missing = new ArrayList<String>();
		for (var template : TemplateTextTests.templates()) {
			var relative = TemplateTextTests.TEMPLATES.relativize(template).toString();
			var folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')).replace('/', '.') + "."
					: "";
			var name = Path.of(relative).getFileName().toString().replace(".jte", "");
			var className = "gg.jte.generated.precompiled." + folder + "Jte" + name + "Generated";
			try {
				var generated = Class.forName(className, true, getClass().getClassLoader());
				if (generated.getResource(generated.getSimpleName() + ".bin") == null) {
					missing.add(relative + ": no " + generated.getSimpleName() + ".bin");
				}
			}
			catch (ClassNotFoundException | ExceptionInInitializerError e) {
				missing.add(relative + ": " + e);
			}
		}
		assertThat(TemplateTextTests.templates()).isNotEmpty();
		assertThat(missing).as("templates without their static bytes").isEmpty();
	}

	@Test
	void aTemplateRenderedAsBytesIsTheTemplateRenderedAsText() throws IOException {
		var engine = TemplateEngine.createPrecompiled(ContentType.Html);
		var messages = new StaticMessageSource();
		messages.addMessage("cases.queue.more", Locale.SIMPLIFIED_CHINESE, "显示更多");
		var ui = new Ui(messages, Locale.SIMPLIFIED_CHINESE, "/cases/workbench", null, null, List.of(), null, false,
				Caffeine.newBuilder().<String, String>build(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
		var view = new QueueRowsView("workbench", Queue.IN_PROGRESS_QUEUE, List.of(),
				new QueueCursor(Instant.parse("2026-12-06T08:00:00Z"), Instant.parse("2026-12-01T08:00:00Z"),
						new CaseId(UUID.fromString("0193a1b2-0000-7000-8000-000000000001"))),
				"街道 & 社区", true);
		Map<String, Object> model = Map.of("ui", ui, "view", view);

		var bytes = new Utf8ByteOutput();
		engine.render("cases/queueMore.jte", model, bytes);
		var sent = new ByteArrayOutputStream();
		bytes.writeTo(sent);
		var text = new StringOutput();
		engine.render("cases/queueMore.jte", model, text);

		assertThat(sent.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(bytes.getContentLength()).isEqualTo(sent.size());
		assertThat(sent.toString(StandardCharsets.UTF_8)).startsWith("<tr id=\"queue-more\"><td colspan=\"10\"")
			.contains(">显示更多</button>")
			.contains("/cases/places/workbench/rows?queue=IN_PROGRESS_QUEUE&amp;after=")
			.contains("hx-swap=\"outerHTML\"");
	}

}
