package io.grassroots.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.grassroots.shared.BusyException;
import io.grassroots.shared.DomainException;
import io.grassroots.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of console pages: a readable message in the page. An htmx request gets a fragment that the layout shows
 * in its message area; a full page request gets the friendly error page.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

	private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

	private final MessageSource messages;

	PageProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
		List<ProblemView.Item> items = e instanceof InvalidInputException invalid ? invalid.violations()
			.stream()
			.map(v -> new ProblemView.Item(v.where(), text(v.messageKey(), v.arguments())))
			.toList() : List.of();
		if (e instanceof BusyException busy) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(busy.retryAfterSeconds()));
		}
		return render(request, response, e.status(), text(e.messageKey(), e.arguments()), items, "");
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView stale(HttpServletRequest request, HttpServletResponse response) {
		return render(request, response, 409, text("problem.staleVersion"), List.of(), "");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
		return render(request, response, 403, text("problem.forbidden"), List.of(), "");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) {
		var name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return render(request, response, 400, text("problem.badParameter", name), List.of(), "");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
		return render(request, response, 413, text("problem.tooLarge"), List.of(), "");
	}

	/** A form whose fields do not bind or validate: every field with its problem. */
	@ExceptionHandler(BindException.class)
	ModelAndView invalidForm(BindException e, HttpServletRequest request, HttpServletResponse response) {
		var locale = LocaleContextHolder.getLocale();
		var items = new ArrayList<ProblemView.Item>();
		for (FieldError error : e.getFieldErrors()) {
			var message = error.isBindingFailure() ? text("problem.badField", error.getField())
					: messages.getMessage(error, locale);
			items.add(new ProblemView.Item(error.getField(), message));
		}
		e.getGlobalErrors().forEach(error -> items.add(new ProblemView.Item("", messages.getMessage(error, locale))));
		return render(request, response, 400, text("problem.invalidInput"), items, "");
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ModelAndView duplicate(HttpServletRequest request, HttpServletResponse response) {
		return render(request, response, 409, text("problem.duplicate"), List.of(), "");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
			var status = known.getStatusCode().value();
			return render(request, response, status, text(status == 404 ? "problem.notFound" : "problem.badRequest"),
					List.of(), "");
		}
		var errorId = UUID.randomUUID().toString();
		log.error("Unexpected error {}", errorId, e);
		return render(request, response, 500, text("problem.unexpected", errorId), List.of(), errorId);
	}

	ModelAndView render(HttpServletRequest request, HttpServletResponse response, int status, String detail,
			List<ProblemView.Item> items, String errorId) {
		response.setStatus(status);
		var title = messages.getMessage("problem.title." + status, null, String.valueOf(status),
				LocaleContextHolder.getLocale());
		var view = new ProblemView(status, title, detail, items, errorId);
		var htmx = "true".equals(request.getHeader("HX-Request"));
		var mav = new ModelAndView(htmx ? "shared/problemFragment" : "shared/errorPage");
		mav.addObject("view", view);
		return mav;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
