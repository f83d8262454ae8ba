package vn.capuy.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.PartyDates;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * What happens to a member between admission and the end: exemption and temporary
 * exemption, the end of membership with its reason, readmission (once, after the waiting
 * period, with the provincial consent), the yearly update form and the phiếu đảng viên.
 */
@Service
@Transactional(readOnly = true)
public class MemberLifecycle {

	private final JdbcClient jdbc;

	private final Members members;

	private final RuleBook rules;

	private final AuditLog audit;

	private final Today today;

	private final Admissions admissions;

	private final MemberFiles files;

	MemberLifecycle(JdbcClient jdbc, Members members, RuleBook rules, AuditLog audit, Today today,
			Admissions admissions, MemberFiles files) {
		this.files = files;
		this.jdbc = jdbc;
		this.members = members;
		this.rules = rules;
		this.audit = audit;
		this.today = today;
		this.admissions = admissions;
	}

	/** Kinds of exemption. */
	public enum ExemptionKind {

		/**
		 * Miễn công tác và sinh hoạt đảng (elderly, frail): the member's status changes.
		 */
		EXEMPT,
		/** Tạm miễn sinh hoạt (far away, mobile jobs): dated here, status unchanged. */
		TEMPORARY

	}

	/** An exemption: dates and decision. */
	public record Exemption(long id, long memberId, ExemptionKind kind, LocalDate validFrom, LocalDate validTo,
			String reason, String decisionRef) {
	}

	@Transactional
	public long exempt(CurrentUser user, long memberId, ExemptionKind kind, LocalDate from, LocalDate to, String reason,
			String decisionRef) {
		if (kind == null) {
			throw new InvalidInputException("kind", "error.required");
		}
		if (from == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		if (decisionRef == null || decisionRef.isBlank()) {
			throw new InvalidInputException("decisionRef", "error.required");
		}
		if (to != null && !to.isAfter(from)) {
			throw new InvalidInputException("validTo", "transfer.error.end-before-start");
		}
		if (kind == ExemptionKind.TEMPORARY && to == null) {
			throw new InvalidInputException("validTo", "error.required");
		}
		if (!this.members.visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		if (kind == ExemptionKind.EXEMPT) {
			this.members.changeStatus(user, memberId, MemberStatus.EXEMPT, from, reason, decisionRef);
		}
		else {
			if (!user.editsRegister()) {
				throw new org.springframework.security.access.AccessDeniedException("exemptions");
			}
			MemberStatus s = this.members.statusOf(memberId, from);
			if (s == null || !s.inParty()) {
				throw new RuleViolationException("error.member.not-in-party", from);
			}
		}
		long id = this.jdbc.sql("""
				INSERT INTO member_exemption (member_id, kind, valid_from, valid_to, reason, decision_ref)
				VALUES (:m, :k, :from, :to, :reason, :ref) RETURNING id
				""")
			.param("m", memberId)
			.param("k", kind.name())
			.param("from", from)
			.param("to", to)
			.param("reason", VietnameseText.clean(reason))
			.param("ref", decisionRef.strip())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "EXEMPT", "member", memberId, null, kind);
		return id;
	}

	/**
	 * Ends an exemption on the date; a full exemption returns the member to full status.
	 */
	@Transactional
	public void endExemption(CurrentUser user, long exemptionId, LocalDate on, String decisionRef) {
		Exemption e = exemptions(user, null).stream()
			.filter((x) -> x.id() == exemptionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("exemption " + exemptionId));
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("exemptions");
		}
		if (on == null || !on.isAfter(e.validFrom())) {
			throw new InvalidInputException("validTo", "transfer.error.end-before-start");
		}
		if (e.kind() == ExemptionKind.EXEMPT) {
			this.members.changeStatus(user, e.memberId(), MemberStatus.FULL, on, "Hết miễn sinh hoạt", decisionRef);
		}
		this.jdbc.sql("UPDATE member_exemption SET valid_to = :d, closed_reason = 'ENDED' WHERE id = :id")
			.param("d", on)
			.param("id", exemptionId)
			.update();
		this.audit.record(user.username(), "END_EXEMPTION", "member", e.memberId(), e.kind(), on);
	}

	/** Exemptions of one member (or all in scope when null). */
	public List<Exemption> exemptions(CurrentUser user, Long memberId) {
		return this.jdbc.sql("""
				SELECT e.* FROM member_exemption e
				WHERE (CAST(:m AS bigint) IS NULL OR e.member_id = :m)
				  AND EXISTS (SELECT 1 FROM membership ms JOIN organization_visible_ever(:roots, :global) v
				    ON v.id = ms.organization_id WHERE ms.member_id = e.member_id)
				ORDER BY e.valid_from DESC
				""")
			.param("m", memberId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new Exemption(rs.getLong("id"), rs.getLong("member_id"),
					ExemptionKind.valueOf(rs.getString("kind")), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_to", LocalDate.class), rs.getString("reason"), rs.getString("decision_ref")))
			.list();
	}

	/** Ends membership on the date for the reason (expulsion comes from discipline). */
	@Transactional
	public void end(CurrentUser user, long memberId, MembershipEndReason reason, LocalDate on, String decisionRef,
			String note) {
		if (reason == null) {
			throw new InvalidInputException("reason", "error.required");
		}
		this.members.changeStatus(user, memberId, reason.status(), on, note, decisionRef);
		this.jdbc
			.sql("""
					INSERT INTO membership_end (member_id, ended_on, status, reason_code, excludes_readmission, decision_ref)
					VALUES (:m, :d, :s, :r, :x, :ref)
					""")
			.param("m", memberId)
			.param("d", on)
			.param("s", reason.status().name())
			.param("r", reason.name())
			.param("x", reason.excludesReadmission())
			.param("ref", decisionRef)
			.update();
		this.audit.record(user.username(), "END_MEMBERSHIP", "member", memberId, null, reason);
	}

	/** A request to readmit a former member. */
	public record Readmission(long memberId, long organizationId, Long helperMemberId, LocalDate considerOn,
			String provincialConsentRef, boolean clearedCriminalRecord) {
	}

	/**
	 * Opens a readmission file after checking the rules: once only, never for the
	 * excluded groups, at least 36 months after leaving (60 after a cleared minor
	 * criminal record), with the provincial standing committee's consent. The file then
	 * follows the admission steps and a new probation.
	 */
	@Transactional
	public long readmit(CurrentUser user, Readmission r) {
		MemberFile file = this.members.get(user, r.memberId());
		LocalDate on = r.considerOn() != null ? r.considerOn() : this.today.date();
		checkReadmission(r, file, on);
		long id = this.admissions.identify(user,
				new Admissions.NewCandidate(file.record().fullName(), file.record().sex(), file.record().dateOfBirth(),
						file.record().citizenId(), file.record().education(), true, null, false, r.organizationId(),
						r.helperMemberId(), on));
		this.jdbc.sql("UPDATE admission SET readmission = true, member_id = :m WHERE id = :id")
			.param("m", r.memberId())
			.param("id", id)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO readmission (member_id, decision_date, provincial_consent_ref, decision_ref, cleared_criminal_record)
					VALUES (:m, :d, :consent, :consent, :crim)
					""")
			.param("m", r.memberId())
			.param("d", on)
			.param("consent", r.provincialConsentRef().strip())
			.param("crim", r.clearedCriminalRecord())
			.update();
		this.audit.record(user.username(), "READMISSION_OPENED", "member", r.memberId(), null, id);
		return id;
	}

	void checkReadmission(Readmission r, MemberFile file, LocalDate on) {
		if (r.provincialConsentRef() == null || r.provincialConsentRef().isBlank()) {
			Rule once = this.rules.require("readmission.max-times", on);
			throw new AdmissionBlocked(once.key(), once.sourceDocument(), "admission.blocked.readmission-consent",
					once.sourceDocument());
		}
		if (file.status() == null || file.status().inParty()) {
			throw new RuleViolationException("error.member.status.transition", file.status(),
					MemberStatus.PROBATIONARY);
		}
		Rule once = this.rules.require("readmission.max-times", on);
		int before = this.jdbc.sql("SELECT count(*) FROM readmission WHERE member_id = :m")
			.param("m", r.memberId())
			.query(Integer.class)
			.single();
		if (before >= Integer.parseInt(once.value())) {
			throw new AdmissionBlocked(once.key(), once.sourceDocument(), "admission.blocked.readmission-once",
					once.sourceDocument());
		}
		record End(LocalDate endedOn, String reason, boolean excluded) {
		}
		End end = this.jdbc.sql("""
				SELECT ended_on, reason_code, excludes_readmission FROM membership_end WHERE member_id = :m
				ORDER BY ended_on DESC LIMIT 1
				""")
			.param("m", r.memberId())
			.query((rs, n) -> new End(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3)))
			.optional()
			.orElse(null);
		LocalDate left = end != null ? end.endedOn() : file.statuses().get(file.statuses().size() - 1).validFrom();
		if ((end != null && end.excluded()) || file.status() == MemberStatus.EXPELLED
				|| file.status() == MemberStatus.RESIGNED || file.status() == MemberStatus.DECEASED) {
			throw new AdmissionBlocked("readmission.excluded", once.sourceDocument(),
					"admission.blocked.readmission-excluded", once.sourceDocument());
		}
		String key = r.clearedCriminalRecord() ? "readmission.min-months-after-criminal-record"
				: "readmission.min-months-after-leaving";
		Rule wait = this.rules.require(key, on);
		LocalDate earliest = left.plusMonths(Integer.parseInt(wait.value()));
		if (on.isBefore(earliest)) {
			throw new AdmissionBlocked(key, wait.sourceDocument(), "admission.blocked.readmission-wait",
					Integer.parseInt(wait.value()), earliest, wait.sourceDocument());
		}
	}

	/**
	 * What changed in a member's file during a year: placements, statuses, corrections.
	 */
	public List<String> changesInYear(CurrentUser user, long memberId, int year) {
		MemberFile f = this.members.get(user, memberId);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		List<String> changes = new ArrayList<>();
		for (MemberFile.Placement p : f.placements()) {
			if (!p.validFrom().isBefore(from) && !p.validFrom().isAfter(to)) {
				changes.add(PartyDates.shortForm(p.validFrom()) + ": " + p.organizationName()
						+ (p.reason() == null ? "" : " (" + p.reason() + ")"));
			}
		}
		for (MemberFile.StatusPeriod s : f.statuses()) {
			if (!s.validFrom().isBefore(from) && !s.validFrom().isAfter(to)) {
				changes.add(PartyDates.shortForm(s.validFrom()) + ": " + s.status()
						+ (s.reason() == null ? "" : " (" + s.reason() + ")"));
			}
		}
		this.jdbc.sql("""
				SELECT at, action FROM audit_log WHERE entity = 'member' AND entity_id = :id AND action = 'CORRECT'
				  AND extract(year FROM at AT TIME ZONE 'Asia/Ho_Chi_Minh') = :y ORDER BY at
				""").param("id", String.valueOf(memberId)).param("y", year).query((rs, n) -> {
			changes.add(rs.getTimestamp(1).toLocalDateTime().toLocalDate() + ": " + rs.getString(2));
			return null;
		}).list();
		return changes;
	}

	/** Records the yearly update form (phiếu bổ sung hồ sơ đảng viên) of the year. */
	@Transactional
	public void recordYearlyUpdate(CurrentUser user, long memberId, int year, String note) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("yearly update");
		}
		List<String> changes = changesInYear(user, memberId, year);
		String text = String.join("\n", changes) + (note == null || note.isBlank() ? "" : "\n" + note.strip());
		this.jdbc.sql("""
				INSERT INTO member_yearly_update (member_id, year, changes, recorded_on, recorded_by)
				VALUES (:m, :y, :c, :d, :by)
				ON CONFLICT (member_id, year) DO UPDATE SET changes = :c, recorded_on = :d, recorded_by = :by
				""")
			.param("m", memberId)
			.param("y", year)
			.param("c", text.isEmpty() ? "-" : text)
			.param("d", this.today.date())
			.param("by", user.username())
			.update();
		this.audit.record(user.username(), "YEARLY_UPDATE", "member", memberId, null, year);
	}

	/** The phiếu đảng viên (form 2-HSĐV) filled from the record, as DOCX. */
	public byte[] memberCard(CurrentUser user, long memberId) {
		MemberFile f = this.members.get(user, memberId);
		MemberRecord r = f.record();
		List<String> chain = this.jdbc.sql("""
				SELECT (SELECT n.name FROM organization_name n WHERE n.organization_id = c.ancestor_id
				          ORDER BY n.valid_from DESC LIMIT 1)
				FROM organization_closure c WHERE c.descendant_id = :o AND c.valid_to IS NULL
				ORDER BY c.depth DESC
				""").param("o", f.organizationId() == null ? -1 : f.organizationId()).query(String.class).list();
		Docx docx = new Docx();
		for (String name : chain) {
			docx.heading(name == null ? "" : name.toUpperCase(java.util.Locale.forLanguageTag("vi")), false, 12);
		}
		this.files.currentPhoto(memberId).ifPresent((p) -> docx.photo(p.bytes(), p.kind() == MemberFiles.FileKind.PNG));
		return docx.heading("PHIẾU ĐẢNG VIÊN (Mẫu 2-HSĐV)", true, 16)
			.fields(List.of(new String[] { "Số lý lịch đảng viên", r.lifeHistoryNumber() },
					new String[] { "Số thẻ đảng viên", r.partyCardNumber() },
					new String[] { "Họ và tên đang dùng",
							r.fullName().toUpperCase(java.util.Locale.forLanguageTag("vi")) },
					new String[] { "Họ và tên khai sinh", r.birthName() },
					new String[] { "Giới tính", r.sex() == Sex.NAM ? "Nam" : "Nữ" },
					new String[] { "Ngày sinh", PartyDates.shortForm(r.dateOfBirth()) },
					new String[] { "Nơi sinh", join(r.placeOfBirth(), r.placeOfBirthProvince()) },
					new String[] { "Quê quán", join(r.homeTown(), r.homeTownProvince()) },
					new String[] { "Dân tộc", f.ethnicityName() }, new String[] { "Tôn giáo", f.religionName() },
					new String[] { "Trình độ học vấn", r.education() },
					new String[] { "Ngày vào Đảng", PartyDates.shortForm(r.admissionDecisionDate()) },
					new String[] { "Ngày chính thức", PartyDates.shortForm(r.fullMembershipDate()) },
					new String[] { "Số căn cước công dân", r.citizenId() },
					new String[] { "Chi bộ", f.organizationName() }))
			.toBytes();
	}

	private static String join(String a, String b) {
		if (a == null) {
			return b;
		}
		return b == null ? a : a + ", " + b;
	}

}
