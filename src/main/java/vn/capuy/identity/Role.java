package vn.capuy.identity;

/**
 * What a user does; combined with an organisation subtree it makes a grant.
 */
public enum Role {

	/** Users, roles, rule book, backups; reads registers. */
	ADMINISTRATOR,
	/** Office (văn phòng) of a committee. */
	OFFICE,
	/** Organisation board (ban tổ chức) of a committee. */
	ORGANIZATION_BOARD,
	/** Inspection committee (uỷ ban kiểm tra) staff. */
	INSPECTION,
	/** Standing-committee member or leader: reads the whole subtree and approves. */
	LEADER,
	/** Secretary or deputy of an organisation or cell. */
	SECRETARY,
	/** Office clerk of an organisation. */
	CLERK;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Roles that may change the organisation tree and the member register in their scope.
	 */
	public boolean editsRegister() {
		return this == OFFICE || this == ORGANIZATION_BOARD || this == SECRETARY || this == CLERK;
	}

}
