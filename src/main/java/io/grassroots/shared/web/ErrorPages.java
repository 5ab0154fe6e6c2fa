package io.grassroots.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Friendly pages for errors that happen outside a controller (unknown paths, refused access, failures in filters).
 */
@Component
class ErrorPages implements ErrorViewResolver {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		var locale = LocaleContextHolder.getLocale();
		var code = status.value();
		var detailKey = switch (code) {
			case 403 -> "problem.forbidden";
			case 404 -> "problem.notFound";
			case 401 -> "problem.unauthenticated";
			default -> code >= 500 ? "problem.unexpectedNoId" : "problem.invalidInput";
		};
		var view = new ProblemView(code, messages.getMessage("problem.title." + code, null, status.getReasonPhrase(), locale),
				messages.getMessage(detailKey, null, detailKey, locale), List.of(), "");
		var mav = new ModelAndView("shared/errorPage", status);
		mav.addObject("view", view);
		return mav;
	}

}
