package vn.capuy.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.system.Today;

/**
 * The users of the system: their grants, login failures and lock-out.
 */
@Service
public class Users implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SecurityProperties properties;

	private final Today today;

	private final AuditLog audit;

	private final List<PositionGrants> positionGrants;

	Users(JdbcClient jdbc, PasswordEncoder passwords, SecurityProperties properties, Today today, AuditLog audit,
			List<PositionGrants> positionGrants) {
		this.positionGrants = positionGrants;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.properties = properties;
		this.today = today;
		this.audit = audit;
	}

	/** A grant of a role over an organisation subtree (null: the whole system). */
	public record Grant(Role role, Long organizationId, LocalDate validFrom, LocalDate validTo) {
	}

	/** A user as the administration page lists it. */
	public record UserSummary(long id, String username, String displayName, boolean enabled, Instant lockedUntil,
			List<Grant> grants) {
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		record Row(long id, String username, String passwordHash, String displayName, String clearance, boolean enabled,
				Instant lockedUntil, Long memberId, boolean secondFactor) {
		}
		Row row = this.jdbc.sql("""
				SELECT id, username, password_hash, display_name, clearance, enabled, locked_until, member_id,
				  totp_enabled
				FROM app_user WHERE username = :username
				""")
			.param("username", username)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getBoolean(6),
					Optional.ofNullable(rs.getTimestamp(7)).map(java.sql.Timestamp::toInstant).orElse(null),
					(Long) rs.getObject(8), rs.getBoolean(9)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
		LocalDate on = this.today.date();
		List<Grant> grants = new java.util.ArrayList<>(grants(row.id()).stream()
			.filter((g) -> !on.isBefore(g.validFrom()) && (g.validTo() == null || on.isBefore(g.validTo())))
			.toList());
		if (row.memberId() != null) {
			for (PositionGrants source : this.positionGrants) {
				grants.addAll(source.grantsFor(row.memberId(), on));
			}
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Set<Long> roots = new HashSet<>();
		boolean global = false;
		for (Grant grant : grants) {
			roles.add(grant.role());
			if (grant.organizationId() == null) {
				global = true;
			}
			else {
				roots.add(grant.organizationId());
			}
		}
		boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now());
		CurrentUser user = new CurrentUser(row.id(), row.username(), row.displayName(), Set.copyOf(roles),
				Set.copyOf(roots), global, row.clearance());
		return new CapuyUserDetails(user, row.passwordHash(), row.enabled(), locked, row.secondFactor());
	}

	/** The user as a caller of the services: roles and scope in force today. */
	public CurrentUser currentUser(String username) {
		return ((CapuyUserDetails) loadUserByUsername(username)).currentUser();
	}

	public List<Grant> grants(long userId) {
		return this.jdbc.sql("""
				SELECT role, organization_id, valid_from, valid_to FROM user_grant WHERE user_id = :id ORDER BY id
				""")
			.param("id", userId)
			.query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), (Long) rs.getObject(2),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
			.list();
	}

	public List<UserSummary> list() {
		return this.jdbc.sql("""
				SELECT id, username, display_name, enabled, locked_until FROM app_user ORDER BY username
				""")
			.query((rs, n) -> new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					Optional.ofNullable(rs.getTimestamp(5)).map(java.sql.Timestamp::toInstant).orElse(null),
					grants(rs.getLong(1))))
			.list();
	}

	public boolean anyUser() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
	}

	/** Creates a user with a hashed password and its grants; one transaction, audited. */
	@Transactional
	public long create(String username, String rawPassword, String displayName, String clearance, List<Grant> grants,
			String actor) {
		long id = this.jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, clearance)
				VALUES (:username, :hash, :name, :clearance) RETURNING id
				""")
			.param("username", username)
			.param("hash", this.passwords.encode(rawPassword))
			.param("name", displayName)
			.param("clearance", clearance)
			.query(Long.class)
			.single();
		for (Grant grant : grants) {
			this.jdbc.sql("""
					INSERT INTO user_grant (user_id, role, organization_id, valid_from, valid_to, granted_by)
					VALUES (:user, :role, :org, :from, :to, :actor)
					""")
				.param("user", id)
				.param("role", grant.role().name())
				.param("org", grant.organizationId())
				.param("from", grant.validFrom())
				.param("to", grant.validTo())
				.param("actor", actor)
				.update();
		}
		this.audit.record(actor, "CREATE", "app_user", id, null,
				java.util.Map.of("username", username, "grants", grants));
		return id;
	}

	/**
	 * Links a user to the member they are in the register (or unlinks with null), so that
	 * the grants of the positions the member holds follow the user; audited.
	 */
	@Transactional
	public void linkMember(String username, Long memberId, String actor) {
		List<Long[]> rows = this.jdbc.sql("SELECT member_id FROM app_user WHERE username = :username")
			.param("username", username)
			.query((rs, n) -> new Long[] { (Long) rs.getObject(1) })
			.list();
		if (rows.isEmpty()) {
			throw new UsernameNotFoundException(username);
		}
		Long before = rows.get(0)[0];
		this.jdbc.sql("UPDATE app_user SET member_id = :member, version = version + 1 WHERE username = :username")
			.param("member", memberId)
			.param("username", username)
			.update();
		this.audit.record(actor, "LINK_MEMBER", "app_user", username, before, memberId);
	}

	/**
	 * Counts a failed login. {@code maxFailures} failures within the window lock the
	 * account for the lock duration, all from the configuration.
	 */
	@Transactional
	public void loginFailed(String username) {
		Duration window = this.properties.lockout().window();
		this.jdbc.sql("""
				UPDATE app_user SET
				  failed_count = CASE WHEN first_failed_at IS NULL OR first_failed_at < now() - :window
				                      THEN 1 ELSE failed_count + 1 END,
				  first_failed_at = CASE WHEN first_failed_at IS NULL OR first_failed_at < now() - :window
				                         THEN now() ELSE first_failed_at END
				WHERE username = :username
				""").param("window", pgInterval(window)).param("username", username).update();
		int locked = this.jdbc.sql("""
				UPDATE app_user SET locked_until = now() + :duration, failed_count = 0, first_failed_at = NULL
				WHERE username = :username AND failed_count >= :max
				""")
			.param("duration", pgInterval(this.properties.lockout().duration()))
			.param("username", username)
			.param("max", this.properties.lockout().maxFailures())
			.update();
		if (locked > 0) {
			this.audit.record(username, "LOCK", "app_user", username, null, null);
		}
	}

	@Transactional
	public void loginSucceeded(String username) {
		this.jdbc.sql("""
				UPDATE app_user SET failed_count = 0, first_failed_at = NULL
				WHERE username = :username AND (failed_count > 0 OR first_failed_at IS NOT NULL)
				""").param("username", username).update();
	}

	private static org.postgresql.util.PGInterval pgInterval(Duration duration) {
		try {
			return new org.postgresql.util.PGInterval(duration.toSeconds() + " seconds");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
