package vn.capuy.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.PositionGrants;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;

/**
 * Accounts follow positions: a secretary or deputy gets {@code SECRETARY} on the
 * organisation, a standing-committee member (secretary and deputies included) of a
 * committee above grassroots gets {@code LEADER}, an inspection-committee member gets
 * {@code INSPECTION}, each for the period of the position and only while it is in force.
 */
@Component
class CommitteePositionGrants implements PositionGrants {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	CommitteePositionGrants(JdbcClient jdbc, OrganizationTree tree) {
		this.jdbc = jdbc;
		this.tree = tree;
	}

	@Override
	public List<Users.Grant> grantsFor(long memberId, LocalDate date) {
		record Row(Position position, long organizationId, LocalDate from, LocalDate to) {
		}
		List<Row> rows = this.jdbc.sql("""
				SELECT position, organization_id, valid_from, valid_to FROM committee_position
				WHERE member_id = :member AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				ORDER BY id
				""")
			.param("member", memberId)
			.param("d", date)
			.query((rs, n) -> new Row(Position.valueOf(rs.getString(1)), rs.getLong(2),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
			.list();
		List<Users.Grant> grants = new ArrayList<>();
		for (Row row : rows) {
			Organization org = this.tree.find(CurrentUser.system(), row.organizationId(), date).orElse(null);
			if (org == null) {
				// the organisation no longer exists: its positions carry nothing
				continue;
			}
			for (Role role : rolesOf(row.position(), org.type())) {
				grants.add(new Users.Grant(role, row.organizationId(), row.from(), row.to()));
			}
		}
		return grants;
	}

	/** The roles a position carries in an organisation of the type. */
	static List<Role> rolesOf(Position position, OrganizationType type) {
		List<Role> roles = new ArrayList<>();
		if (position == Position.SECRETARY || position == Position.DEPUTY_SECRETARY) {
			roles.add(Role.SECRETARY);
		}
		if (position.standing()
				&& (type == OrganizationType.DANG_BO_CAP_TREN_CO_SO || type == OrganizationType.DANG_BO_TINH)) {
			roles.add(Role.LEADER);
		}
		if (position.inspection()) {
			roles.add(Role.INSPECTION);
		}
		return roles;
	}

}
