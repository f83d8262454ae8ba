package vn.capuy.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUnavailableFilterTests {

	private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();

	@Test
	void anUnreachableDatabaseIsRecognisedThroughWrappersButABadQueryIsNot() {
		assertThat(DatabaseUnavailableFilter.databaseAway(new ServletException(new IllegalStateException(
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.databaseAway(new CannotCreateTransactionException("no connection")))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.databaseAway(new RuntimeException(new SQLException("refused", "08001"))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.databaseAway(new DataIntegrityViolationException("duplicate key")))
			.isFalse();
		assertThat(DatabaseUnavailableFilter.databaseAway(new RuntimeException(new SQLException("syntax", "42601"))))
			.isFalse();
	}

	@Test
	void aPageAnswers503WithAPlainPageAndTheApiAProblemWithoutExceptionText() throws Exception {
		MockHttpServletResponse page = run("/members");
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentAsString()).contains("Tạm thời không phục vụ được").doesNotContain("Exception");
		assertThat(page.getHeader("Retry-After")).isEqualTo("30");
		MockHttpServletResponse api = run("/api/v1/members");
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getContentType()).startsWith("application/problem+json");
		assertThat(api.getContentAsString()).contains("\"status\":503").doesNotContain("Hikari");
	}

	@Test
	void otherFailuresPassThrough() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/members");
		assertThatThrownBy(() -> this.filter.doFilter(request, new MockHttpServletResponse(), (rq, rs) -> {
			throw new IllegalStateException("a bug");
		})).isInstanceOf(IllegalStateException.class);
	}

	private MockHttpServletResponse run(String uri) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setRequestURI(uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (rq, rs) -> {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
		});
		return response;
	}

}
