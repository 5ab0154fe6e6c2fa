package io.grassroots.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Paths and methods that no controller serves: a problem detail under {@code /api}, the error page elsewhere.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice
class UnknownPaths {

	private final MessageSource messages;

	private final PageProblems pages;

	UnknownPaths(MessageSource messages, PageProblems pages) {
		this.messages = messages;
		this.pages = pages;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, HttpStatus.NOT_FOUND, "problem.notFound");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, HttpStatus.METHOD_NOT_ALLOWED, "problem.methodNotAllowed");
	}

	private Object respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key) {
		var locale = LocaleContextHolder.getLocale();
		var detail = messages.getMessage(key, null, key, locale);
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			var problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return pages.render(request, response, status.value(), detail, List.of(), "");
	}

}
