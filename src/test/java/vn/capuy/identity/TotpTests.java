package vn.capuy.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP against the test vectors of RFC 6238 (appendix B, HMAC-SHA1). */
class TotpTests {

	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void theRfc6238VectorsWithEightDigits(long seconds, String expected) {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130" })
	void sixDigitsAreTheLastSixOfTheVectorAndLeadingZerosStay(long seconds, String expected) {
		Instant at = Instant.ofEpochSecond(seconds);
		assertThat(Totp.code(RFC_SECRET, Totp.step(at), Totp.DIGITS)).isEqualTo(expected);
		assertThat(Totp.match(RFC_SECRET, expected, at, null)).isEqualTo(Totp.step(at));
	}

	@Test
	void oneStepOfDriftIsAcceptedEitherWayTwoAreNot() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now, null)).isEqualTo(step - 1);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1, 6), now, null)).isEqualTo(step + 1);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, null)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now, null)).isEqualTo(-1);
	}

	@Test
	void aCodeIsAcceptedOnceAndGarbageNever() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		String code = Totp.code(RFC_SECRET, step, 6);
		assertThat(Totp.match(RFC_SECRET, code, now, step)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), now, null)).isEqualTo(step);
		assertThat(Totp.match(RFC_SECRET, null, now, null)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SECRET, "12345", now, null)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SECRET, "' OR 1=1", now, null)).isEqualTo(-1);
	}

	@Test
	void secretsRoundTripThroughBase32AndTheUriNamesIssuerAndAccount() {
		// RFC 4648 test vector
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		byte[] secret = Totp.newSecret();
		assertThat(SecondFactor.base32Decode(Totp.base32(secret))).isEqualTo(secret);
		assertThat(Totp.uri("Cấp uỷ số", "ubkt", RFC_SECRET)).isEqualTo(
				"otpauth://totp/C%E1%BA%A5p%20u%E1%BB%B7%20s%E1%BB%91:ubkt?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
						+ "&issuer=C%E1%BA%A5p%20u%E1%BB%B7%20s%E1%BB%91&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void theSessionCookieIsHttpOnlyLaxAndSecureOverHttpsOrWhenTheSettingSaysSo() {
		org.springframework.mock.web.MockHttpServletRequest http = new org.springframework.mock.web.MockHttpServletRequest();
		org.springframework.mock.web.MockHttpServletRequest https = new org.springframework.mock.web.MockHttpServletRequest();
		https.setSecure(true);
		assertThat(cookie(SessionConfiguration.serializer(false), http)).contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure");
		assertThat(cookie(SessionConfiguration.serializer(false), https)).contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
		assertThat(cookie(SessionConfiguration.serializer(true), http)).contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
	}

	private static String cookie(org.springframework.session.web.http.DefaultCookieSerializer serializer,
			org.springframework.mock.web.MockHttpServletRequest request) {
		org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
		serializer.writeCookieValue(
				new org.springframework.session.web.http.CookieSerializer.CookieValue(request, response, "abc"));
		return response.getHeader("Set-Cookie");
	}

}
