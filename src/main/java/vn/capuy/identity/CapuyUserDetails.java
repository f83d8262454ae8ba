package vn.capuy.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user as Spring Security sees it, carrying the {@link CurrentUser} resolved at login.
 */
class CapuyUserDetails implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final CurrentUser user;

	private final String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final boolean secondFactor;

	CapuyUserDetails(CurrentUser user, String passwordHash, boolean enabled, boolean locked) {
		this(user, passwordHash, enabled, locked, false);
	}

	CapuyUserDetails(CurrentUser user, String passwordHash, boolean enabled, boolean locked, boolean secondFactor) {
		this.secondFactor = secondFactor;
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	/**
	 * Whether the user turned the second factor (TOTP) on: the password alone is not
	 * enough.
	 */
	boolean secondFactor() {
		return this.secondFactor;
	}

	CurrentUser currentUser() {
		return this.user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = this.user.roles()
			.stream()
			.map((r) -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
