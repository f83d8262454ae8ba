package vn.capuy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.membership.MemberRecord;
import vn.capuy.membership.Members;
import vn.capuy.membership.Sex;
import vn.capuy.organization.OrganizationType;
import vn.capuy.organization.Organizations;

/**
 * Builds small trees and members of a test's own, under a root of its own, so full tests
 * sharing one database never see each other's data.
 */
@Component
public class Fixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

	private final Organizations organizations;

	private final Members members;

	private final Users users;

	Fixtures(Organizations organizations, Members members, Users users) {
		this.organizations = organizations;
		this.members = members;
		this.users = users;
	}

	public static CurrentUser system() {
		return CurrentUser.system();
	}

	public static int next() {
		return SEQUENCE.incrementAndGet();
	}

	public long root(String name, LocalDate from) {
		return this.organizations.create(system(),
				new Organizations.NewOrganization(OrganizationType.DANG_BO_TINH, name + " " + next(), null, null), from,
				"test");
	}

	public long child(long parent, OrganizationType type, String name, LocalDate from) {
		return this.organizations.create(system(), new Organizations.NewOrganization(type, name, parent, null), from,
				"test");
	}

	/**
	 * A full member admitted long before {@code placedOn}, placed in the cell from that
	 * date.
	 */
	public long member(long cell, String fullName, LocalDate placedOn) {
		int n = next();
		LocalDate decision = placedOn.minusYears(3);
		MemberRecord record = new MemberRecord(fullName, null, n % 2 == 0 ? Sex.NAM : Sex.NU, decision.minusYears(25),
				"Đồng Hới", "Quảng Bình", "Lệ Thuỷ", "Quảng Bình", "01", null, null, null, "12/12", null, decision,
				decision, decision.plusYears(1), String.format("%08d", 70000000 + n), String.format("%06dQB", n));
		return this.members.register(system(), record, cell, placedOn);
	}

	public long probationaryMember(long cell, String fullName, LocalDate admitted) {
		int n = next();
		MemberRecord record = new MemberRecord(fullName, null, Sex.NU, admitted.minusYears(24), null, null, null, null,
				"01", null, null, null, null, null, admitted, admitted, null, String.format("%08d", 70000000 + n),
				null);
		return this.members.register(system(), record, cell, admitted);
	}

	public long user(String prefix, Role role, Long organizationId) {
		String username = prefix + next();
		this.users.create(username, "secret-" + username, "Người dùng thử", "NONE",
				List.of(new Users.Grant(role, organizationId, LocalDate.of(2000, 1, 1), null)), "test");
		return this.users.list().stream().filter((u) -> u.username().equals(username)).findFirst().orElseThrow().id();
	}

	public String username(long userId) {
		return this.users.list().stream().filter((u) -> u.id() == userId).findFirst().orElseThrow().username();
	}

	public CurrentUser as(long userId) {
		return this.users.currentUser(username(userId));
	}

}
