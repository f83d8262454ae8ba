package vn.capuy.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;

/**
 * The numbering periods of an issuer (HD 36 §1.3.1): a committee term runs from the day
 * after its congress closes to the closing day of the next congress, and a congress
 * numbers its own documents. A minimal stand-in until the committee module owns terms: an
 * issuer with no term gets an open default term from the day it was founded.
 */
@Service
public class DocumentTerms {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final AuditLog audit;

	DocumentTerms(JdbcClient jdbc, OrganizationTree tree, AuditLog audit) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.audit = audit;
	}

	/** A numbering period: a committee term or a congress. */
	public record Term(long id, long issuerOrgId, String kind, LocalDate startDate, LocalDate endDate, String label) {
	}

	/**
	 * The term of the issuer on the date (the congress when {@code congress}); seeds the
	 * default term when the issuer has none.
	 */
	@Transactional
	public Term on(CurrentUser user, long issuerOrgId, LocalDate date, boolean congress) {
		if (congress) {
			return find(issuerOrgId, "CONGRESS", date)
				.orElseThrow(() -> new InvalidInputException("congress", "error.document.no-congress"));
		}
		var found = find(issuerOrgId, "TERM", date);
		if (found.isPresent()) {
			return found.get();
		}
		Organization issuer = this.tree.find(user, issuerOrgId, date)
			.orElseThrow(() -> new InvalidInputException("issuerOrgId", "error.document.issuer.not-found"));
		// concurrent first issues race here: the exclusion constraint lets one insert win
		// and the others do nothing, then all read the winner
		int inserted = this.jdbc.sql("""
				INSERT INTO document_term (issuer_org_id, kind, start_date, end_date, label, created_by)
				SELECT :org, 'TERM', :start, NULL, :label, :actor
				WHERE NOT EXISTS (SELECT 1 FROM document_term WHERE issuer_org_id = :org AND kind = 'TERM')
				ON CONFLICT DO NOTHING
				""")
			.param("org", issuerOrgId)
			.param("start", issuer.validFrom())
			.param("label", "Nhiệm kỳ mặc định từ " + vn.capuy.system.PartyDates.shortForm(issuer.validFrom()))
			.param("actor", user.username())
			.update();
		if (inserted > 0) {
			this.audit.record(user.username(), "CREATE", "document_term", issuerOrgId, null,
					Map.of("kind", "TERM", "start", issuer.validFrom().toString()));
		}
		return find(issuerOrgId, "TERM", date)
			.orElseThrow(() -> new InvalidInputException("issuedOn", "error.document.no-term"));
	}

	/**
	 * Records a congress of the issuer held from {@code opening} to {@code closing}
	 * (inclusive): its documents get their own numbering, the running term ends with the
	 * closing day and a new term starts the day after. One transaction, audited.
	 */
	@Transactional
	public Term declareCongress(CurrentUser user, long issuerOrgId, LocalDate opening, LocalDate closing,
			String label) {
		if (!user.editsRegister()) {
			throw new NotFoundException("document_term");
		}
		if (opening == null) {
			throw new InvalidInputException("opening", "error.required");
		}
		if (closing == null) {
			throw new InvalidInputException("closing", "error.required");
		}
		if (closing.isBefore(opening)) {
			throw new InvalidInputException("closing", "error.document.congress.closing-before-opening");
		}
		if (!this.tree.visibleEver(user, issuerOrgId)) {
			throw new NotFoundException("organization " + issuerOrgId);
		}
		String name = label == null || label.isBlank() ? "Đại hội" : vn.capuy.system.VietnameseText.clean(label);
		Term running = on(user, issuerOrgId, opening, false);
		LocalDate newStart = closing.plusDays(1);
		if (running.endDate() != null || !running.startDate().isBefore(newStart)) {
			throw new InvalidInputException("opening", "error.document.congress.not-in-open-term");
		}
		this.jdbc.sql("UPDATE document_term SET end_date = :end WHERE id = :id")
			.param("end", newStart)
			.param("id", running.id())
			.update();
		insert(issuerOrgId, "CONGRESS", opening, newStart, name, user);
		long id = insert(issuerOrgId, "TERM", newStart, null, "Nhiệm kỳ sau " + name, user);
		this.audit.record(user.username(), "CREATE", "document_congress", issuerOrgId, null,
				Map.of("opening", opening.toString(), "closing", closing.toString(), "label", name));
		return get(id);
	}

	/**
	 * Every term and congress of an issuer the caller sees (or has seen), oldest first;
	 * otherwise 404.
	 */
	public List<Term> list(CurrentUser user, long issuerOrgId) {
		if (!this.tree.visibleEver(user, issuerOrgId)) {
			throw new NotFoundException("organization " + issuerOrgId);
		}
		return list(issuerOrgId);
	}

	/** Every term and congress of an issuer, oldest first. */
	List<Term> list(long issuerOrgId) {
		return this.jdbc.sql("""
				SELECT id, issuer_org_id, kind, start_date, end_date, label FROM document_term
				WHERE issuer_org_id = :org ORDER BY start_date, kind DESC
				""").param("org", issuerOrgId).query(DocumentTerms::map).list();
	}

	Term get(long id) {
		return this.jdbc
			.sql("SELECT id, issuer_org_id, kind, start_date, end_date, label FROM document_term WHERE id = :id")
			.param("id", id)
			.query(DocumentTerms::map)
			.single();
	}

	private long insert(long org, String kind, LocalDate start, LocalDate end, String label, CurrentUser user) {
		return this.jdbc.sql("""
				INSERT INTO document_term (issuer_org_id, kind, start_date, end_date, label, created_by)
				VALUES (:org, :kind, :start, :end, :label, :actor) RETURNING id
				""")
			.param("org", org)
			.param("kind", kind)
			.param("start", start)
			.param("end", end)
			.param("label", label)
			.param("actor", user.username())
			.query(Long.class)
			.single();
	}

	private java.util.Optional<Term> find(long org, String kind, LocalDate date) {
		return this.jdbc.sql("""
				SELECT id, issuer_org_id, kind, start_date, end_date, label FROM document_term
				WHERE issuer_org_id = :org AND kind = :kind AND start_date <= :d AND (end_date IS NULL OR end_date > :d)
				""").param("org", org).param("kind", kind).param("d", date).query(DocumentTerms::map).optional();
	}

	private static Term map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Term(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				rs.getObject(5, LocalDate.class), rs.getString(6));
	}

}
