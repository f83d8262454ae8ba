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
		// one statement for the whole book: where each member left the cell and their
		// latest status are computed for the set, not per member
		return this.jdbc
			.sql("""
					WITH book AS (
					  SELECT r.row_number, r.member_id, r.entered_on FROM member_register_row r WHERE r.organization_id = :o),
					here AS (
					  SELECT ms.member_id, max(ms.valid_to) AS left_on, bool_or(ms.valid_to IS NULL) AS still_here
					  FROM membership ms WHERE ms.organization_id = :o GROUP BY ms.member_id),
					latest AS (
					  SELECT DISTINCT ON (st.member_id) st.member_id, st.status FROM member_status st
					  WHERE st.member_id IN (SELECT member_id FROM book) ORDER BY st.member_id, st.valid_from DESC)
					SELECT b.row_number, m.id, m.full_name, m.date_of_birth, b.entered_on,
					  CASE WHEN h.still_here THEN NULL ELSE h.left_on END,
					  m.admission_decision_date, m.full_membership_date, m.party_card_number, l.status
					FROM book b JOIN member m ON m.id = b.member_id
					LEFT JOIN here h ON h.member_id = b.member_id
					LEFT JOIN latest l ON l.member_id = b.member_id
					ORDER BY b.row_number
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
