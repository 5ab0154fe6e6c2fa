package io.grassroots.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Renders the console's JTE templates into UTF-8 bytes and sends them in one write. JTE's own view writes every
 * piece of a template through the servlet's {@code PrintWriter}, whose encoder takes the slow path for each of the
 * thousands of small pieces of a page in Chinese (a third of a work page's rendering time in a profile); JTE's
 * {@link Utf8ByteOutput} encodes as it goes into a buffer that is sent with its length. Every template receives the
 * page's {@link Ui} as {@code ui}, built here, when a page is rendered (and only then: API requests build none).
 */
@Configuration(proxyBeanMethods = false)
class TemplateViews {

	/** Replaces the JTE starter's resolver (it backs off when there is one). */
	@Bean
	JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties, UiFactory ui) {
		return new JteViewResolver(engine, properties) {
			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new Utf8View(engine, ui);
			}
		};
	}

	static final class Utf8View extends JteView {

		private final TemplateEngine engine;

		private final UiFactory ui;

		Utf8View(TemplateEngine engine, UiFactory ui) {
			super(engine);
			this.engine = engine;
			this.ui = ui;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			model.putIfAbsent("ui", ui.create(request));
			var output = new Utf8ByteOutput();
			engine.render(getUrl(), model, output);
			response.setCharacterEncoding("UTF-8");
			response.setContentLength(output.getContentLength());
			output.writeTo(response.getOutputStream());
		}

	}

}
