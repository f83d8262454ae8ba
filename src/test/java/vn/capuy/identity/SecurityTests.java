package vn.capuy.identity;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTest
class SecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousApiCallsGet401WithAProblemBodyNeverARedirect() {
		HttpResponse<String> response = new Http(this.port).get("/api/v1/members");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":401").contains("Chưa đăng nhập");
	}

	@Test
	void wrongCredentialsGet401() {
		long user = this.fixtures.user("sai", Role.OFFICE, rootOfSample());
		HttpResponse<String> response = new Http(this.port).basic(this.fixtures.username(user), "wrong")
			.get("/api/v1/organizations");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void healthAnswersAnonymouslyAndIsUpOnceTheSampleHasLoaded() {
		HttpResponse<String> response = new Http(this.port).get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void pagesRedirectToLoginAndLoginWorksWithCsrf() {
		Http browser = new Http(this.port);
		assertThat(browser.get("/members").statusCode()).isEqualTo(302);
		long user = this.fixtures.user("vp", Role.OFFICE, rootOfSample());
		String name = this.fixtures.username(user);
		HttpResponse<String> login = browser.login(name, "secret-" + name);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Xin chào");
		// the session cookie also authenticates API calls
		assertThat(browser.get("/api/v1/organizations").statusCode()).isEqualTo(200);
	}

	@Test
	void concurrentRequestsOfOneSessionAllSucceed() throws Exception {
		Http browser = new Http(this.port);
		long user = this.fixtures.user("song", Role.OFFICE, rootOfSample());
		String name = this.fixtures.username(user);
		browser.login(name, "secret-" + name);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
		try {
			java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 36; i++) {
				String path = (i % 3 == 0) ? "/" : (i % 3 == 1) ? "/members" : "/organizations";
				results.add(pool.submit(() -> browser.get(path).statusCode()));
			}
			for (java.util.concurrent.Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefused() {
		Http browser = new Http(this.port);
		long user = this.fixtures.user("csrf", Role.OFFICE, rootOfSample());
		String name = this.fixtures.username(user);
		browser.login(name, "secret-" + name);
		HttpResponse<String> response = browser.postForm("/organizations/1/rename",
				Map.of("name", "Tên mới", "date", "2025-01-01"));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void fiveFailuresLockTheAccountEvenForTheRightPassword() {
		long user = this.fixtures.user("khoa", Role.OFFICE, rootOfSample());
		String name = this.fixtures.username(user);
		for (int i = 0; i < 5; i++) {
			assertThat(new Http(this.port).basic(name, "wrong" + i).get("/api/v1/dashboard").statusCode())
				.isEqualTo(401);
		}
		assertThat(new Http(this.port).basic(name, "secret-" + name).get("/api/v1/dashboard").statusCode())
			.isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT locked_until > now() FROM app_user WHERE username = :u")
			.param("u", name)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void fourFailuresDoNotLockAndASuccessClearsThem() {
		long user = this.fixtures.user("bon", Role.OFFICE, rootOfSample());
		String name = this.fixtures.username(user);
		for (int i = 0; i < 4; i++) {
			new Http(this.port).basic(name, "wrong").get("/api/v1/dashboard");
		}
		assertThat(new Http(this.port).basic(name, "secret-" + name).get("/api/v1/dashboard").statusCode())
			.isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT failed_count FROM app_user WHERE username = :u")
			.param("u", name)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void pagesCarryStrictSecurityHeaders() {
		HttpResponse<String> login = new Http(this.port).get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void passwordsAreStoredAsModernHashes() {
		long user = this.fixtures.user("hash", Role.OFFICE, rootOfSample());
		String hash = this.jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
			.param("id", user)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("secret");
	}

	@Test
	void theAuditLogRefusesUpdateAndDelete() {
		this.jdbc.sql("INSERT INTO audit_log (actor, action, entity) VALUES ('test', 'TEST', 'test')").update();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_log SET actor = 'x' WHERE action = 'TEST'").update())
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_log WHERE action = 'TEST'").update()).rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void everyRegisterWriteIsAudited() {
		long before = this.jdbc
			.sql("SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND entity = 'organization'")
			.query(Long.class)
			.single();
		this.fixtures.root("Tỉnh thử nhật ký", java.time.LocalDate.of(2007, 1, 1));
		long after = this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND entity = 'organization'")
			.query(Long.class)
			.single();
		assertThat(after).isEqualTo(before + 1);
	}

	private long rootOfSample() {
		return this.fixtures.root("Tỉnh thử bảo mật", java.time.LocalDate.of(2007, 1, 1));
	}

}
