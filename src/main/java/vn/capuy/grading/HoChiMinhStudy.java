package vn.capuy.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

/**
 * The Hồ Chí Minh study (Chỉ thị 05-CT/TW): the yearly theme, each member's commitment
 * with its linked tasks, the mid-year and year-end self-assessments and the cell's
 * comment and result, and the exemplary collectives and individuals with their
 * commendations. The result gives the points of the study criterion in the grading.
 */
@Service
@Transactional(readOnly = true)
public class HoChiMinhStudy {

	private final JdbcClient jdbc;

	private final Members members;

	private final OrganizationTree tree;

	private final AuditLog audit;

	HoChiMinhStudy(JdbcClient jdbc, Members members, OrganizationTree tree, AuditLog audit) {
		this.jdbc = jdbc;
		this.members = members;
		this.tree = tree;
		this.audit = audit;
	}

	/** The theme of a year. */
	public record Theme(int year, String title, String documentRef) {
	}

	/** A member's commitment for a year and how it went. */
	public record Commitment(long id, long memberId, String memberName, long organizationId, int year,
			String commitment, String linkedTasks, LocalDate signedOn, String midYearSelf, String yearEndSelf,
			StudyResult result, String cellComment, int version) {
	}

	/**
	 * An exemplary collective or individual (điển hình tiên tiến) and its commendation.
	 */
	public record Model(long id, int year, long organizationId, Long memberId, String kind, String title,
			String commendation, String decisionRef, LocalDate recordedOn) {
	}

	@Transactional
	public void setTheme(CurrentUser user, int year, String title, String documentRef) {
		GradingCampaigns.requireOrganizer(user);
		if (year < 2007 || year > 2100) {
			throw new InvalidInputException("year", "grading.error.study-year-range", "2007");
		}
		if (title == null || title.isBlank()) {
			throw new InvalidInputException("theme", "error.required");
		}
		documentRef = GradingCampaigns.blankToNull(documentRef);
		Optional<Theme> before = theme(year);
		this.jdbc.sql("""
				INSERT INTO hcm_theme (year, title, document_ref) VALUES (:y, :t, :d)
				ON CONFLICT (year) DO UPDATE SET title = EXCLUDED.title, document_ref = EXCLUDED.document_ref
				""").param("y", year).param("t", title.strip()).param("d", documentRef).update();
		this.audit.record(user.username(), "THEME", "hcm_theme", year, before.orElse(null),
				new Theme(year, title.strip(), documentRef));
	}

	public Optional<Theme> theme(int year) {
		return this.jdbc.sql("SELECT year, title, document_ref FROM hcm_theme WHERE year = :y")
			.param("y", year)
			.query((rs, n) -> new Theme(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** A member signs their commitment for the year, in the cell they are in that day. */
	@Transactional
	public long commit(CurrentUser user, long memberId, int year, String text, String linkedTasks, LocalDate signedOn) {
		GradingCampaigns.requireWriter(user);
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("commitment", "error.required");
		}
		if (signedOn == null || signedOn.getYear() != year) {
			throw new InvalidInputException("signedOn", "grading.error.study-year", String.valueOf(year));
		}
		var file = this.members.get(user, memberId);
		long cell = file.placements()
			.stream()
			.filter((p) -> !signedOn.isBefore(p.validFrom()) && (p.validTo() == null || signedOn.isBefore(p.validTo())))
			.findFirst()
			.map((p) -> p.organizationId())
			.orElseThrow(() -> new InvalidInputException("memberId", "grading.error.not-in-party", signedOn));
		if (this.tree.find(user, cell, signedOn).isEmpty()) {
			// a member the caller may read (once of the scope) but whose cell on that day
			// is
			// not the caller's: the commitment belongs to another organisation
			throw new NotFoundException("member " + memberId);
		}
		Long existing = this.jdbc.sql("SELECT id FROM hcm_commitment WHERE member_id = :m AND year = :y")
			.param("m", memberId)
			.param("y", year)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			throw new RuleViolationException("grading.error.study-exists", String.valueOf(year));
		}
		long id = this.jdbc.sql("""
				INSERT INTO hcm_commitment (member_id, organization_id, year, commitment, linked_tasks, signed_on)
				VALUES (:m, :o, :y, :t, :l, :s) RETURNING id
				""")
			.param("m", memberId)
			.param("o", cell)
			.param("y", year)
			.param("t", text.strip())
			.param("l", GradingCampaigns.blankToNull(linkedTasks))
			.param("s", signedOn)
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "COMMIT", "hcm_commitment", id, null,
				Map.of("member", memberId, "year", year));
		return id;
	}

	/**
	 * Records the member's mid-year or year-end self-assessment, or the cell's comment
	 * and result, on a commitment the caller sees.
	 */
	@Transactional
	public Commitment assess(CurrentUser user, long id, String midYearSelf, String yearEndSelf, String cellComment,
			StudyResult result) {
		GradingCampaigns.requireWriter(user);
		Commitment before = commitment(user, id);
		if (GradingCampaigns.blankToNull(midYearSelf) == null && GradingCampaigns.blankToNull(yearEndSelf) == null
				&& GradingCampaigns.blankToNull(cellComment) == null && result == null) {
			throw new InvalidInputException("yearEndSelf", "grading.error.study-empty");
		}
		if (result != null && GradingCampaigns.blankToNull(cellComment) == null && before.cellComment() == null) {
			throw new InvalidInputException("cellComment", "grading.error.study-comment");
		}
		this.jdbc.sql("""
				UPDATE hcm_commitment SET mid_year_self = coalesce(:mid, mid_year_self),
				  year_end_self = coalesce(:end, year_end_self), cell_comment = coalesce(:comment, cell_comment),
				  result = coalesce(:result, result), version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("mid", GradingCampaigns.blankToNull(midYearSelf))
			.param("end", GradingCampaigns.blankToNull(yearEndSelf))
			.param("comment", GradingCampaigns.blankToNull(cellComment))
			.param("result", result == null ? null : result.name())
			.param("id", id)
			.param("version", before.version())
			.update();
		Commitment after = commitment(user, id);
		this.audit.record(user.username(), "ASSESS", "hcm_commitment", id, before, after);
		return after;
	}

	private static final String COMMITMENT = """
			SELECT h.id, h.member_id, m.full_name, h.organization_id, h.year, h.commitment, h.linked_tasks, h.signed_on,
			       h.mid_year_self, h.year_end_self, h.result, h.cell_comment, h.version
			FROM hcm_commitment h JOIN member m ON m.id = h.member_id
			""";

	public Commitment commitment(CurrentUser user, long id) {
		return this.jdbc
			.sql(COMMITMENT
					+ """
							WHERE h.id = :id AND h.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
							""")
			.param("id", id)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(HoChiMinhStudy::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("commitment " + id));
	}

	/**
	 * Commitments of a year in an organisation's subtree (as it stood at the year end).
	 */
	public List<Commitment> commitments(CurrentUser user, Long organizationId, int year) {
		return this.jdbc.sql(COMMITMENT + """
				WHERE h.year = :y
				  AND h.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
				  AND (CAST(:org AS bigint) IS NULL OR h.organization_id IN (SELECT c.descendant_id
				       FROM organization_closure c WHERE c.ancestor_id = :org))
				ORDER BY m.full_name COLLATE vi_vn, h.id
				""")
			.param("y", year)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("org", organizationId)
			.query(HoChiMinhStudy::map)
			.list();
	}

	/** The study result of a member for a year, if the cell recorded one. */
	public Optional<StudyResult> result(long memberId, int year) {
		return this.jdbc
			.sql("SELECT result FROM hcm_commitment WHERE member_id = :m AND year = :y AND result IS NOT NULL")
			.param("m", memberId)
			.param("y", year)
			.query(String.class)
			.optional()
			.map(StudyResult::valueOf);
	}

	/**
	 * The points of the study criterion a result gives: its maximum × the result's
	 * factor.
	 */
	Optional<BigDecimal> points(long memberId, int year, int max, GradingRules rules) {
		return result(memberId, year).map((r) -> rules.studyFactors()
			.getOrDefault(r, BigDecimal.ZERO)
			.multiply(BigDecimal.valueOf(max))
			.setScale(2, RoundingMode.HALF_EVEN));
	}

	/**
	 * Records an exemplary collective (member null) or individual and its commendation.
	 */
	@Transactional
	public long addModel(CurrentUser user, int year, long organizationId, Long memberId, String title,
			String commendation, String decisionRef, LocalDate recordedOn) {
		GradingCampaigns.requireWriter(user);
		if (title == null || title.isBlank()) {
			throw new InvalidInputException("modelTitle", "error.required");
		}
		if (recordedOn != null && recordedOn.getYear() != year) {
			throw new InvalidInputException("recordedOn", "grading.error.study-year", String.valueOf(year));
		}
		LocalDate on = recordedOn != null ? recordedOn : LocalDate.of(year, 12, 31);
		this.tree.get(user, organizationId, on);
		if (memberId != null) {
			// an exemplary member is one of the organisation named, on the day recorded
			var file = this.members.get(user, memberId);
			boolean inside = file.placements()
				.stream()
				.filter((p) -> !on.isBefore(p.validFrom()) && (p.validTo() == null || on.isBefore(p.validTo())))
				.anyMatch((p) -> this.jdbc
					.sql("""
							SELECT EXISTS (SELECT 1 FROM organization_closure c WHERE c.ancestor_id = :org
							  AND c.descendant_id = :cell AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d))
							""")
					.param("org", organizationId)
					.param("cell", p.organizationId())
					.param("d", on)
					.query(Boolean.class)
					.single());
			if (!inside) {
				throw new InvalidInputException("memberId", "grading.error.model-member-outside",
						vn.capuy.system.PartyDates.shortForm(on));
			}
		}
		long id = this.jdbc.sql("""
				INSERT INTO hcm_model (year, organization_id, member_id, kind, title, commendation, decision_ref,
				  recorded_on)
				VALUES (:y, :o, :m, :k, :t, :c, :d, :on) RETURNING id
				""")
			.param("y", year)
			.param("o", organizationId)
			.param("m", memberId)
			.param("k", memberId == null ? "COLLECTIVE" : "INDIVIDUAL")
			.param("t", title.strip())
			.param("c", GradingCampaigns.blankToNull(commendation))
			.param("d", GradingCampaigns.blankToNull(decisionRef))
			.param("on", on)
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "MODEL", "hcm_model", id, null,
				Map.of("year", year, "organization", organizationId, "title", title.strip()));
		return id;
	}

	public List<Model> models(CurrentUser user, int year) {
		return this.jdbc.sql("""
				SELECT id, year, organization_id, member_id, kind, title, commendation, decision_ref, recorded_on
				FROM hcm_model
				WHERE year = :y AND closed_on IS NULL
				  AND organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
				ORDER BY kind, title COLLATE vi_vn, id
				""")
			.param("y", year)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new Model(rs.getLong(1), rs.getInt(2), rs.getLong(3), (Long) rs.getObject(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getObject(9, LocalDate.class)))
			.list();
	}

	private static Commitment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String result = rs.getString("result");
		return new Commitment(rs.getLong("id"), rs.getLong("member_id"), rs.getString("full_name"),
				rs.getLong("organization_id"), rs.getInt("year"), rs.getString("commitment"),
				rs.getString("linked_tasks"), rs.getObject("signed_on", LocalDate.class), rs.getString("mid_year_self"),
				rs.getString("year_end_self"), result == null ? null : StudyResult.valueOf(result),
				rs.getString("cell_comment"), rs.getInt("version"));
	}

}
