package vn.capuy.identity;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.capuy.system.NotFoundException;

/**
 * The caller of a request: who they are, their roles, and the roots of the organisation
 * subtrees they may see ({@code global} for the whole system). Every query that returns
 * organisations or members takes this.
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, Set<Long> scopeRoots,
		boolean global, String clearance) implements java.io.Serializable {

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isAdministrator() {
		return has(Role.ADMINISTRATOR);
	}

	public boolean editsRegister() {
		return this.roles.stream().anyMatch(Role::editsRegister);
	}

	/** The scope as the modules' SQL takes it. */
	public vn.capuy.system.ScopeRef scope() {
		return new vn.capuy.system.ScopeRef(scopeRootArray(), this.global);
	}

	public Long[] scopeRootArray() {
		return this.scopeRoots.toArray(Long[]::new);
	}

	/**
	 * The authenticated caller; an anonymous call never gets this far (the security chain
	 * answers 401).
	 */
	public static CurrentUser get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CapuyUserDetails details) {
			return details.currentUser();
		}
		throw new NotFoundException("no authenticated user");
	}

	/**
	 * The system itself, for start-up work such as loading the sample: sees everything.
	 */
	public static CurrentUser system() {
		return new CurrentUser(0, "system", "Hệ thống", Set.of(Role.ADMINISTRATOR, Role.OFFICE), Set.of(), true,
				"TUYET_MAT");
	}

}
