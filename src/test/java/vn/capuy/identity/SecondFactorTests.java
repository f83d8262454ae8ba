package vn.capuy.identity;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional second factor (ASVS V2.8): enrolment through the page, the code after the
 * password, lock-out on wrong codes, replay refused, reset by another administrator.
 */
@FullTest
class SecondFactorTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SecondFactor secondFactor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorEnrolsThroughThePageAndThenNeedsTheCodeAfterThePassword() {
		long id = this.fixtures.user("hai-lop", Role.ADMINISTRATOR, root());
		String name = this.fixtures.username(id);
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		HttpResponse<String> enrol = browser.get("/account/totp");
		assertThat(enrol.statusCode()).isEqualTo(200);
		Matcher uri = Pattern.compile("otpauth://totp/[^<\"]*secret=([A-Z2-7]+)&amp;issuer=").matcher(enrol.body());
		assertThat(uri.find()).as(enrol.body()).isTrue();
		byte[] secret = SecondFactor.base32Decode(uri.group(1));
		String token = csrf(enrol.body());
		HttpResponse<String> wrong = browser.postForm("/account/totp", Map.of("code", "000000", "_csrf", token));
		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(enabled(id)).isFalse();
		browser.postForm("/account/totp", Map.of("code", now(secret, 0), "_csrf", token));
		assertThat(enabled(id)).isTrue();
		assertThat(browser.get("/account/totp").body()).contains("Xác thực hai lớp đang bật");
		// stored encrypted: neither the raw secret nor its Base32 text is in the row
		byte[] stored = this.jdbc.sql("SELECT totp_secret FROM app_user WHERE id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(uri.group(1));

		// a new login: the password alone reaches only the code page
		Http next = new Http(this.port);
		HttpResponse<String> login = next.login(name, "secret-" + name);
		assertThat(login.statusCode()).isEqualTo(302);
		HttpResponse<String> home = next.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login/totp"));
		assertThat(next.get("/members").statusCode()).isEqualTo(302);
		assertThat(next.get("/api/v1/dashboard").statusCode()).isEqualTo(401);
		// HTTP Basic carries no code: refused for this account
		assertThat(new Http(this.port).basic(name, "secret-" + name).get("/api/v1/dashboard").statusCode())
			.isEqualTo(401);
		HttpResponse<String> page = next.get("/login/totp");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Mã xác thực hai lớp");
		String codeToken = csrf(page.body());
		HttpResponse<String> bad = next.postForm("/login/totp", Map.of("code", "123456", "_csrf", codeToken));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("mã không đúng");
		String code = now(secret, 1);
		HttpResponse<String> good = next.postForm("/login/totp", Map.of("code", code, "_csrf", codeToken));
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(next.get("/").statusCode()).isEqualTo(200);
		assertThat(next.get("/api/v1/dashboard").statusCode()).isEqualTo(200);

		// the same code again, in another session: refused (a code is used once)
		Http replay = new Http(this.port);
		replay.login(name, "secret-" + name);
		String replayToken = csrf(replay.get("/login/totp").body());
		assertThat(replay.postForm("/login/totp", Map.of("code", code, "_csrf", replayToken)).body())
			.contains("mã không đúng");
		assertThat(replay.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void fiveWrongCodesLockTheAccountAndEndTheSession() {
		long id = this.fixtures.user("sai-ma", Role.INSPECTION, root());
		String name = this.fixtures.username(id);
		byte[] secret = enrolDirectly(id);
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		String token = csrf(browser.get("/login/totp").body());
		for (int i = 0; i < 5; i++) {
			browser.postForm("/login/totp", Map.of("code", "00000" + i, "_csrf", token));
		}
		assertThat(this.jdbc.sql("SELECT locked_until > now() FROM app_user WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
		HttpResponse<String> locked = browser.postForm("/login/totp", Map.of("code", now(secret, 1), "_csrf", token));
		assertThat(locked.statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(auditCount("TOTP_FAILED", id)).isEqualTo(5);
	}

	@Test
	void anotherAdministratorResetsALostSecondFactorWithAReasonNeverOneself() {
		long lost = this.fixtures.user("mat-may", Role.INSPECTION, root());
		enrolDirectly(lost);
		long admin = this.fixtures.user("qt", Role.ADMINISTRATOR, root());
		String adminName = this.fixtures.username(admin);
		Http browser = new Http(this.port);
		browser.login(adminName, "secret-" + adminName);
		HttpResponse<String> list = browser.get("/admin/users");
		assertThat(list.body()).contains("/admin/users/" + lost + "/totp/reset");
		String token = csrf(list.body());
		browser.postForm("/admin/users/" + lost + "/totp/reset", Map.of("reason", "", "_csrf", token));
		assertThat(enabled(lost)).isTrue();
		browser.postForm("/admin/users/" + lost + "/totp/reset", Map.of("reason", "Mất điện thoại", "_csrf", token));
		assertThat(enabled(lost)).isFalse();
		assertThat(auditCount("TOTP_RESET", lost)).isEqualTo(1);
		// the user signs in with the password again
		String lostName = this.fixtures.username(lost);
		Http user = new Http(this.port);
		user.login(lostName, "secret-" + lostName);
		assertThat(user.get("/").statusCode()).isEqualTo(200);

		enrolDirectly(admin);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.secondFactor.reset(this.fixtures.as(admin), admin, "tự đặt lại"))
			.isInstanceOf(vn.capuy.system.RuleViolationException.class);
	}

	@Test
	void onlyAdministratorsAndInspectionStaffAreOfferedIt() {
		long secretary = this.fixtures.user("bt", Role.SECRETARY, root());
		String name = this.fixtures.username(secretary);
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		assertThat(browser.get("/account/totp").statusCode()).isEqualTo(403);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.secondFactor.enrol(this.fixtures.as(secretary), Totp.newSecret(), "000000"))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		long id = this.fixtures.user("cookie", Role.OFFICE, root());
		String name = this.fixtures.username(id);
		HttpResponse<String> login = new Http(this.port).login(name, "secret-" + name);
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
		// over plain HTTP in sample mode: not Secure (the browser would drop it); see
		// TotpTests for HTTPS
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
	}

	private byte[] enrolDirectly(long userId) {
		byte[] secret = Totp.newSecret();
		this.secondFactor.enrol(this.fixtures.as(userId), secret, now(secret, 0));
		return secret;
	}

	private static String now(byte[] secret, int ahead) {
		return Totp.code(secret, Totp.step(Instant.now()) + ahead, Totp.DIGITS);
	}

	private boolean enabled(long id) {
		return this.jdbc.sql("SELECT totp_enabled FROM app_user WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	private long auditCount(String action, long id) {
		return this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :a AND entity_id = :id")
			.param("a", action)
			.param("id", Long.toString(id))
			.query(Long.class)
			.single();
	}

	private static String csrf(String body) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private long root() {
		return this.fixtures.root("Tỉnh thử hai lớp", LocalDate.of(2007, 1, 1));
	}

}
