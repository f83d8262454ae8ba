package vn.capuy.system;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTests {

	private final byte[] key = new byte[32];

	{
		Arrays.fill(this.key, (byte) 7);
	}

	@Test
	void aCitizenIdRoundTripsAndIsNotReadableAtRest() {
		FieldCipher cipher = new FieldCipher(this.key);
		byte[] sealed = cipher.encrypt("044123456789");
		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("044123456789");
		assertThat(cipher.decrypt(sealed)).isEqualTo("044123456789");
		// a fresh IV each time: the same value never encrypts to the same bytes
		assertThat(cipher.encrypt("044123456789")).isNotEqualTo(sealed);
	}

	@Test
	void theKeyedHashMatchesEqualValuesOnlyAndDependsOnTheKey() {
		FieldCipher cipher = new FieldCipher(this.key);
		assertThat(cipher.hmac("044123456789")).isEqualTo(cipher.hmac("044123456789"))
			.isNotEqualTo(cipher.hmac("044123456780"));
		byte[] other = this.key.clone();
		other[0] = 1;
		assertThat(new FieldCipher(other).hmac("044123456789")).isNotEqualTo(cipher.hmac("044123456789"));
	}

	@Test
	void aWrongKeyCannotDecrypt() {
		byte[] sealed = new FieldCipher(this.key).encrypt("0912345678");
		byte[] other = this.key.clone();
		other[5] = 9;
		assertThatThrownBy(() -> new FieldCipher(other).decrypt(sealed)).hasMessageContaining("CAPUY_DATA_KEY");
	}

	@Test
	void productionWithoutAKeyStopsWithAClearMessage() {
		org.springframework.mock.env.MockEnvironment env = new org.springframework.mock.env.MockEnvironment()
			.withProperty("capuy.sample.enabled", "false");
		assertThatThrownBy(() -> FieldCipher.loadKey(env)).hasMessageContaining("CAPUY_DATA_KEY is not set");
	}

	@Test
	void listsShowOnlyTheLastDigits() {
		assertThat(FieldCipher.mask("044123456789")).isEqualTo("********6789");
	}

}
