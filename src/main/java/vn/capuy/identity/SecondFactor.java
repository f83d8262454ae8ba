package vn.capuy.identity;

import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.system.FieldCipher;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

/**
 * The optional second factor (TOTP) of administrators and inspection staff: enrolment
 * with a code from the app, the check after the password, and the reset by another
 * administrator when a phone is lost. The secret is stored encrypted
 * ({@link FieldCipher}); wrong codes count towards the lock-out like wrong passwords;
 * every change is audited.
 */
@Service
public class SecondFactor {

	static final String ISSUER = "Cấp uỷ số";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	SecondFactor(JdbcClient jdbc, FieldCipher cipher, Users users, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the roles may (and so can choose to) use a second factor. */
	static boolean offeredTo(CurrentUser user) {
		return user.has(Role.ADMINISTRATOR) || user.has(Role.INSPECTION);
	}

	public boolean enabled(String username) {
		return this.jdbc.sql("SELECT totp_enabled FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The provisioning URI of a secret not yet confirmed. */
	String uri(String username, byte[] secret) {
		return Totp.uri(ISSUER, username, secret);
	}

	/**
	 * Turns the second factor on once the user typed a code of the new secret: proves the
	 * app holds it.
	 */
	@Transactional
	public void enrol(CurrentUser user, byte[] secret, String code) {
		if (!offeredTo(user)) {
			throw new org.springframework.security.access.AccessDeniedException("second factor");
		}
		long step = Totp.match(secret, code, this.clock.instant(), null);
		if (step < 0) {
			throw new InvalidInputException("code", "totp.error.code");
		}
		this.jdbc.sql("""
				UPDATE app_user SET totp_secret = :secret, totp_enabled = true, totp_last_step = :step,
				  version = version + 1
				WHERE id = :id
				""")
			.param("secret", this.cipher.encrypt(Totp.base32(secret)))
			.param("step", step)
			.param("id", user.id())
			.update();
		this.audit.record(user.username(), "TOTP_ENROL", "app_user", user.id(), null, Map.of("enabled", true));
	}

	/**
	 * Checks the code typed after the password. A wrong code counts as a failed login
	 * (five lock the account); a code is accepted once.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public void verify(String username, String code) {
		record Row(long id, byte[] secret, Long lastStep, boolean locked) {
		}
		Row row = this.jdbc.sql("""
				SELECT id, totp_secret, totp_last_step, coalesce(locked_until > now(), false)
				FROM app_user WHERE username = :u AND totp_enabled
				FOR UPDATE
				""")
			.param("u", username)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), (Long) rs.getObject(3), rs.getBoolean(4)))
			.optional()
			.orElseThrow(() -> new NotFoundException("second factor of " + username));
		if (row.locked()) {
			throw new RuleViolationException("totp.error.locked");
		}
		byte[] secret = base32Decode(this.cipher.decrypt(row.secret()));
		long step = Totp.match(secret, code, this.clock.instant(), row.lastStep());
		if (step < 0) {
			this.users.loginFailed(username);
			this.audit.record(username, "TOTP_FAILED", "app_user", row.id(), null, null);
			throw new InvalidInputException("code", "totp.error.code");
		}
		this.jdbc.sql("UPDATE app_user SET totp_last_step = :step WHERE id = :id")
			.param("step", step)
			.param("id", row.id())
			.update();
		this.users.loginSucceeded(username);
	}

	/**
	 * Turns a user's second factor off (lost phone), by another administrator, with a
	 * reason; the user enrols again at the next login.
	 */
	@Transactional
	public void reset(CurrentUser admin, long userId, String reason) {
		if (!admin.isAdministrator()) {
			throw new org.springframework.security.access.AccessDeniedException("second factor reset");
		}
		if (admin.id() == userId) {
			throw new RuleViolationException("totp.error.self-reset");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.required");
		}
		int changed = this.jdbc.sql("""
				UPDATE app_user SET totp_secret = NULL, totp_enabled = false, totp_last_step = NULL,
				  version = version + 1
				WHERE id = :id AND totp_enabled
				""").param("id", userId).update();
		if (changed == 0) {
			throw new NotFoundException("second factor of user " + userId);
		}
		this.audit.record(admin.username(), "TOTP_RESET", "app_user", userId, Map.of("enabled", true),
				Map.of("enabled", false, "reason", reason.strip()));
	}

	/** The ids of the users whose second factor is on (the administrator's list). */
	public java.util.Set<Long> enabledUsers() {
		return java.util.Set
			.copyOf(this.jdbc.sql("SELECT id FROM app_user WHERE totp_enabled").query(Long.class).list());
	}

	static byte[] base32Decode(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			int value = alphabet.indexOf(c);
			if (value < 0) {
				throw new IllegalStateException("not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
