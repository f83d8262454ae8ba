package vn.capuy.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive personal fields at rest (citizen ID, phone) with AES-256-GCM, and
 * gives a keyed hash (HMAC-SHA256) so that imports can find a member by citizen ID
 * without decrypting every row. The key comes from the environment
 * ({@code CAPUY_DATA_KEY}, 32 bytes in Base64). With the sample committee on
 * (development), a key is generated once into the data directory and the log says so;
 * with the sample off and no key, start-up stops with a clear error.
 */
@Component
public class FieldCipher {

	private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);

	private static final int IV_BYTES = 12;

	private final SecretKeySpec key;

	private final SecretKeySpec macKey;

	private final SecureRandom random = new SecureRandom();

	@org.springframework.beans.factory.annotation.Autowired
	FieldCipher(Environment env) {
		this(loadKey(env));
	}

	/** A cipher with a given 32-byte key (tests, tools). */
	public FieldCipher(byte[] rawKey) {
		if (rawKey.length != 32) {
			throw new IllegalStateException("CAPUY_DATA_KEY must be 32 bytes (Base64-encoded)");
		}
		this.key = new SecretKeySpec(rawKey, "AES");
		this.macKey = new SecretKeySpec(derive(rawKey, "capuy-hmac"), "HmacSHA256");
	}

	/** Encrypts a value; null stays null. The output carries its random IV. */
	public byte[] encrypt(String value) {
		if (value == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	/** Decrypts a value written by {@link #encrypt}; null stays null. */
	public String decrypt(byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, data, 0, IV_BYTES));
			return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("decryption failed: wrong CAPUY_DATA_KEY for this database?", ex);
		}
	}

	/** The keyed hash of a value, for equality lookups; null stays null. */
	public String hmac(String value) {
		if (value == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.macKey);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("hmac failed", ex);
		}
	}

	/** Shows the last digits only, for lists and exports: {@code ********1234}. */
	public static String mask(String value) {
		if (value == null || value.length() <= 4) {
			return value;
		}
		return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
	}

	private static byte[] derive(byte[] key, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] loadKey(Environment env) {
		String configured = env.getProperty("CAPUY_DATA_KEY", env.getProperty("capuy.data-key"));
		if (configured != null && !configured.isBlank()) {
			return Base64.getDecoder().decode(configured.strip());
		}
		boolean development = env.getProperty("capuy.sample.enabled", Boolean.class, true);
		if (!development) {
			throw new IllegalStateException("CAPUY_DATA_KEY is not set: production mode (capuy.sample.enabled=false) "
					+ "needs the key that encrypts citizen IDs and phone numbers (32 random bytes in Base64, e.g. "
					+ "`openssl rand -base64 32`). Keep it outside the database and back it up.");
		}
		Path file = Path.of(env.getProperty("capuy.data-dir", "./data"))
			.toAbsolutePath()
			.normalize()
			.resolve("dev-data.key");
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the key file keeps the default permissions
			}
			log.warn("Development data key generated in {} (sample mode). In production set CAPUY_DATA_KEY; "
					+ "this key only protects the sample's invented data.", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
