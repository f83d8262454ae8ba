package vn.capuy.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away (restart, network), every request fails with a plain 503
 * answer at once, in front of the session filter: the usual error page would need the
 * session and the database again (and wait for a connection a second time). No stack
 * trace, no exception text; the application recovers by itself when the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="vi"><head><meta charset="UTF-8"><title>Tạm thời không phục vụ được — Cấp uỷ số</title></head>
			<body><main><h1>Tạm thời không phục vụ được</h1>
			<p>Cơ sở dữ liệu tạm thời không truy cập được; dữ liệu đã ghi không bị mất. Hãy thử lại sau ít phút.</p>
			<p lang="en">The database is temporarily unavailable; nothing saved is lost. Try again in a few minutes.</p>
			</main></body></html>
			""";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!databaseAway(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable on {} {}: answered 503 ({})", request.getMethod(), request.getRequestURI(),
					rootMessage(ex));
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "30");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			if (request.getRequestURI().startsWith("/api/")) {
				response.setContentType("application/problem+json");
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Tạm thời không phục vụ được\",\"status\":503,"
							+ "\"detail\":\"Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau ít phút.\"}");
			}
			else {
				response.setContentType("text/html");
				response.getWriter().write(PAGE);
			}
		}
	}

	/** Whether the failure is the database being unreachable (not a bad query). */
	static boolean databaseAway(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof java.sql.SQLTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + ": " + t.getMessage();
	}

}
