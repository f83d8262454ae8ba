package vn.capuy.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into what a user should see: on the API a problem detail (RFC 9457)
 * with the field and the rule in Vietnamese; on pages the error page with the same
 * message. No stack trace ever reaches a user.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final MessageSource messages;

	ErrorHandling(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInputException.class)
	Object invalid(InvalidInputException ex, HttpServletRequest request, HttpServletResponse response) {
		String detail = msg("error.field", "{0}: {1}", msg("field." + ex.field(), ex.field()),
				msg(ex.messageKey(), ex.messageKey(), ex.arguments()));
		return answer(request, HttpStatus.BAD_REQUEST, msg("error.title.bad-input", "Bad input"), detail, ex.field());
	}

	@ExceptionHandler(RuleViolationException.class)
	Object rule(RuleViolationException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.CONFLICT, msg("error.title.refused", "Refused"),
				msg(ex.messageKey(), ex.messageKey(), ex.arguments()), null);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object conflict(OptimisticLockingFailureException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.CONFLICT, msg("error.title.refused", "Refused"),
				msg("error.concurrent-edit", "Changed by someone else"), null);
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	Object notFound(Exception ex, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, msg("error.title.not-found", "Not found"),
				msg("error.not-found", "Not found"), null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.FORBIDDEN, msg("error.title.forbidden", "Forbidden"),
				msg("error.forbidden", "Forbidden"), null);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
		String detail = msg("error.field", "{0}: {1}", msg("field." + ex.getParameterName(), ex.getParameterName()),
				msg("error.required", "required"));
		return answer(request, HttpStatus.BAD_REQUEST, msg("error.title.bad-input", "Bad input"), detail,
				ex.getParameterName());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		String rule = (ex.getRequiredType() != null && ex.getRequiredType().getSimpleName().equals("LocalDate"))
				? msg("error.date.format", "date", String.valueOf(ex.getValue()))
				: msg("error.value.format", "format", String.valueOf(ex.getValue()));
		String detail = msg("error.field", "{0}: {1}", msg("field." + ex.getName(), ex.getName()), rule);
		return answer(request, HttpStatus.BAD_REQUEST, msg("error.title.bad-input", "Bad input"), detail, ex.getName());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, msg("error.title.bad-input", "Bad input"),
				msg("error.body.unreadable", "Unreadable request body"), null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, msg("error.title.bad-input", "Bad input"),
				msg("error.method", "Method not allowed"), null);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, msg("error.title.bad-input", "Bad input"),
				msg("error.upload.too-large", "Too large"), "file");
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (DatabaseUnavailableFilter.databaseAway(ex)) {
			// the database is away: the error page would need it again; the filter in
			// front answers a plain 503 instead
			throw ex;
		}
		if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			// a request the framework could not serve (wrong media type, missing part,
			// ...): the client's side
			return answer(request, HttpStatus.valueOf(response.getStatusCode().value()),
					msg("error.title.bad-input", "Bad input"), msg("error.request", "Bad request"), null);
		}
		if (characterNotAccepted(ex)) {
			// text the database cannot store (a NUL byte): the client's side, refused
			// whole
			return answer(request, HttpStatus.BAD_REQUEST, msg("error.title.bad-input", "Bad input"),
					msg("error.request", "Bad request"), null);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, msg("error.title.unexpected", "Error"),
				msg("error.unexpected", "Unexpected error"), null);
	}

	/**
	 * PostgreSQL refuses a NUL byte in text (SQLSTATE 22021, character not in
	 * repertoire): hostile or broken input, not a failure of the system.
	 */
	static boolean characterNotAccepted(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private Object answer(HttpServletRequest request, HttpStatus status, String title, String detail, String field) {
		if (request.getRequestURI().startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(title);
			if (field != null) {
				problem.setProperty("field", field);
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("errorTitle", title);
		mav.addObject("errorDetail", detail);
		return mav;
	}

	private String msg(String key, String fallback, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, fallback, locale);
	}

}
