package vn.capuy.membership;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.NotFoundException;

/**
 * The cell's member register book (sổ đảng viên): every member ever placed in the cell
 * gets a row number in order of entry, kept for good (Số SĐV on the transfer letter).
 */
@Service
@Transactional
public class RegisterBook {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	RegisterBook(JdbcClient jdbc, OrganizationTree tree) {
		this.jdbc = jdbc;
		this.tree = tree;
	}

	/** A row of the book. */
	public record Line(int rowNumber, long memberId, String fullName, LocalDate dateOfBirth, LocalDate enteredOn,
			LocalDate leftOn, LocalDate admissionDecisionDate, LocalDate fullMembershipDate, String partyCardNumber,
			String status) {
	}

	/**
	 * Numbers the members placed in the organisation who have no row yet, in order of
	 * entry.
	 */
	public void ensureRows(long organizationId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7212, CAST(:o AS int))")
			.param("o", organizationId)
			.query()
			.listOfRows();
		this.jdbc
			.sql("""
					INSERT INTO member_register_row (organization_id, member_id, row_number, entered_on)
					SELECT :o, x.member_id,
					  coalesce((SELECT max(row_number) FROM member_register_row WHERE organization_id = :o), 0)
					    + row_number() OVER (ORDER BY x.entered, x.member_id), x.entered
					FROM (SELECT member_id, min(valid_from) AS entered FROM membership WHERE organization_id = :o
					      GROUP BY member_id) x
					WHERE NOT EXISTS (SELECT 1 FROM member_register_row r WHERE r.organization_id = :o AND r.member_id = x.member_id)
					""")
			.param("o", organizationId)
			.update();
	}

	/** The book of one organisation in the caller's scope. */
	public List<Line> book(CurrentUser user, long organizationId) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		ensureRows(organizationId);
		return this.jdbc.sql("""
				SELECT r.row_number, m.id, m.full_name, m.date_of_birth, r.entered_on,
				  (SELECT max(ms.valid_to) FROM membership ms WHERE ms.member_id = m.id AND ms.organization_id = :o
				     AND NOT EXISTS (SELECT 1 FROM membership x WHERE x.member_id = m.id AND x.organization_id = :o
				       AND x.valid_to IS NULL)) AS left_on,
				  m.admission_decision_date, m.full_membership_date, m.party_card_number,
				  (SELECT st.status FROM member_status st WHERE st.member_id = m.id ORDER BY st.valid_from DESC LIMIT 1)
				FROM member_register_row r JOIN member m ON m.id = r.member_id
				WHERE r.organization_id = :o ORDER BY r.row_number
				""")
			.param("o", organizationId)
			.query((rs, n) -> new Line(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
					rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
					rs.getString(10)))
			.list();
	}

	/** The member's row number in the organisation's book, numbering it when missing. */
	public Integer rowNumber(long organizationId, long memberId) {
		ensureRows(organizationId);
		return this.jdbc.sql("SELECT row_number FROM member_register_row WHERE organization_id = :o AND member_id = :m")
			.param("o", organizationId)
			.param("m", memberId)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

}
