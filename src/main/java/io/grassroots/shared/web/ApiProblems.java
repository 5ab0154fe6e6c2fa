package io.grassroots.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.grassroots.shared.BusyException;
import io.grassroots.shared.DomainException;
import io.grassroots.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as an RFC 9457 problem detail, in the caller's language, saying what is wrong and
 * where. Nothing escapes as a stack trace; unexpected failures get an error id that the log also carries.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException e) {
		var problem = problem(HttpStatus.valueOf(e.status()), text(e.messageKey(), e.arguments()));
		if (e instanceof InvalidInputException invalid) {
			problem.setProperty("errors", invalid.violations()
				.stream()
				.map(v -> Map.of("where", v.where(), "message", text(v.messageKey(), v.arguments())))
				.toList());
		}
		var answer = ResponseEntity.status(e.status());
		if (e instanceof BusyException busy) {
			answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(busy.retryAfterSeconds()));
		}
		return answer.body(problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
		return ResponseEntity.status(409).body(problem(HttpStatus.CONFLICT, text("problem.staleVersion")));
	}

	/** Two requests raced for the same unique name; the loser is told, as if it had been checked first. */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
		return ResponseEntity.status(409).body(problem(HttpStatus.CONFLICT, text("problem.duplicate")));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
		return ResponseEntity.status(403).body(problem(HttpStatus.FORBIDDEN, text("problem.forbidden")));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
		return ResponseEntity.status(401).body(problem(HttpStatus.UNAUTHORIZED, text("problem.unauthenticated")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		var problem = problem(HttpStatus.BAD_REQUEST, text("problem.badParameter", e.getName()));
		problem.setProperty("errors", List.of(Map.of("where", e.getName(), "message", text("problem.badParameter", e.getName()))));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		var errorId = UUID.randomUUID().toString();
		log.error("Unexpected error {}", errorId, e);
		var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.unexpected", errorId));
		problem.setProperty("errorId", errorId);
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var jackson = findCause(e, JacksonException.class);
		ProblemDetail problem;
		if (jackson == null) {
			problem = problem(HttpStatus.BAD_REQUEST, text("problem.unreadableBody"));
		}
		else if (jackson.getPath().isEmpty()) {
			var location = jackson.getLocation();
			problem = problem(HttpStatus.BAD_REQUEST, text("problem.malformedJson",
					location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr()));
		}
		else {
			var field = jackson.getPath().stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			problem = problem(HttpStatus.BAD_REQUEST, text("problem.badField", field));
			problem.setProperty("errors", List.of(Map.of("where", field, "message", text("problem.badField", field))));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<Map<String, String>>();
		for (FieldError error : e.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("where", error.getField(), "message",
					messages.getMessage(error, LocaleContextHolder.getLocale())));
		}
		e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Map.of("where", error.getObjectName(),
				"message", messages.getMessage(error, LocaleContextHolder.getLocale()))));
		var problem = problem(HttpStatus.BAD_REQUEST, text("problem.invalidInput"));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<Map<String, String>>();
		e.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> errors.add(Map.of("where", result.getMethodParameter().getParameterName() == null ? ""
					: result.getMethodParameter().getParameterName(),
					"message", messages.getMessage(error, LocaleContextHolder.getLocale())))));
		var problem = problem(HttpStatus.BAD_REQUEST, text("problem.invalidInput"));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(413).body(problem(HttpStatus.CONTENT_TOO_LARGE, text("problem.tooLarge")));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail detail && detail.getType() == null) {
			detail.setType(URI.create("about:blank"));
		}
		return super.handleExceptionInternal(e, body, headers, status, request);
	}

	private ProblemDetail problem(HttpStatus status, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
				LocaleContextHolder.getLocale()));
		return problem;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
		for (var t = e; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
