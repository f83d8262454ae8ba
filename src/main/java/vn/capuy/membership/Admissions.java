package vn.capuy.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.ScopeRef;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * The admission pipeline (DOMAIN.md §3): candidates, their forms and introducers, the
 * guarded transitions from one step to the next with the conditions checked against the
 * rule book, recognition as full member, and the deadline of each candidate's next step
 * in working days.
 */
@Service
@Transactional(readOnly = true)
public class Admissions {

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	private final OrganizationTree tree;

	private final Members members;

	private final AuditLog audit;

	private final Today today;

	Admissions(JdbcClient jdbc, RuleBook rules, WorkingDayCalendar calendar, OrganizationTree tree, Members members,
			AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.tree = tree;
		this.members = members;
		this.audit = audit;
		this.today = today;
	}

	/** A new candidate identified by the cell, with the full member assigned to help. */
	public record NewCandidate(String fullName, Sex sex, LocalDate dateOfBirth, String citizenId, String education,
			Boolean lowerSecondaryCompleted, String educationException, Boolean youthUnionMember, Long organizationId,
			Long helperMemberId, LocalDate identifiedOn) {
	}

	/**
	 * What a transition needs: the target state, its date, and what the step records (a
	 * decision reference, the extension of the decision period, the consent to a late
	 * ceremony, the new member's card number).
	 */
	public record TransitionRequest(AdmissionState target, LocalDate date, String decisionRef, Boolean extended,
			String lateConsent, String partyCardNumber, String note) {
	}

	/** The next deadline of a candidate or probationary member. */
	public record Deadline(String kind, LocalDate due, String ruleKey) {
	}

	/** One line of the deadline board. */
	public record BoardItem(Long admissionId, Long memberId, String fullName, long organizationId,
			String organizationName, AdmissionState state, Deadline next, boolean overdue) {
	}

	@Transactional
	public long identify(CurrentUser user, NewCandidate c) {
		requireEditor(user);
		String name = VietnameseText.clean(c.fullName());
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("fullName", "error.required");
		}
		if (c.sex() == null) {
			throw new InvalidInputException("sex", "error.required");
		}
		if (c.dateOfBirth() == null) {
			throw new InvalidInputException("dateOfBirth", "error.required");
		}
		if (c.organizationId() == null) {
			throw new InvalidInputException("organizationId", "error.required");
		}
		LocalDate on = c.identifiedOn() != null ? c.identifiedOn() : this.today.date();
		Organization cell = this.tree.find(user, c.organizationId(), on)
			.orElseThrow(() -> new InvalidInputException("organizationId", "error.member.organization.not-found"));
		if (!cell.type().isCell()) {
			throw new InvalidInputException("organizationId", "error.member.organization.not-cell", cell.name());
		}
		if (c.helperMemberId() == null) {
			throw new InvalidInputException("helperMemberId", "admission.error.helper.required");
		}
		requireFullMemberOf(c.helperMemberId(), on, "helperMemberId");
		long id = this.jdbc
			.sql("""
					INSERT INTO admission (full_name, search_key, sex, date_of_birth, citizen_id, education,
					  lower_secondary_completed, education_exception, youth_union_member, organization_id, helper_member_id,
					  state, state_since, identified_on)
					VALUES (:name, :key, :sex, :dob, :cid, :edu, :lsc, :exc, :yu, :org, :helper, 'QUAN_CHUNG_UU_TU', :on, :on)
					RETURNING id
					""")
			.param("name", name)
			.param("key", VietnameseText.fold(name))
			.param("sex", c.sex().name())
			.param("dob", c.dateOfBirth())
			.param("cid", blank(c.citizenId()))
			.param("edu", blank(c.education()))
			.param("lsc", c.lowerSecondaryCompleted() == null || c.lowerSecondaryCompleted())
			.param("exc", blank(c.educationException()))
			.param("yu", Boolean.TRUE.equals(c.youthUnionMember()))
			.param("org", c.organizationId())
			.param("helper", c.helperMemberId())
			.param("on", on)
			.query(Long.class)
			.single();
		transitionRow(id, null, AdmissionState.QUAN_CHUNG_UU_TU, on, user, null);
		this.audit.record(user.username(), "IDENTIFY", "admission", id, null, name);
		return id;
	}

	/** Records the awareness-course certificate. */
	@Transactional
	public void recordCertificate(CurrentUser user, long id, LocalDate date) {
		Admission a = get(user, id);
		requireEditor(user);
		if (date == null) {
			throw new InvalidInputException("courseCertificateDate", "error.required");
		}
		if (date.isAfter(this.today.date())) {
			throw new InvalidInputException("courseCertificateDate", "error.date.future");
		}
		update(a, "course_certificate_date", date);
		this.audit.record(user.username(), "CERTIFICATE", "admission", id, a.courseCertificateDate(), date);
	}

	/**
	 * Records the Youth Union executive committee's resolution introducing the candidate.
	 */
	@Transactional
	public void recordYouthUnionResolution(CurrentUser user, long id, LocalDate date) {
		Admission a = get(user, id);
		requireEditor(user);
		update(a, "youth_union_resolution_date", date);
		this.audit.record(user.username(), "YOUTH_UNION", "admission", id, null, date);
	}

	/** Attaches a form of the checklist. */
	@Transactional
	public void attach(CurrentUser user, long id, AdmissionForm form, LocalDate on, String reference) {
		get(user, id);
		requireEditor(user);
		if (form == null) {
			throw new InvalidInputException("form", "error.required");
		}
		if (on == null) {
			throw new InvalidInputException("date", "error.required");
		}
		this.jdbc.sql("""
				INSERT INTO admission_form (admission_id, form_code, attached_on, reference) VALUES (:id, :f, :on, :ref)
				ON CONFLICT (admission_id, form_code) DO UPDATE SET attached_on = :on, reference = :ref
				""").param("id", id).param("f", form.code()).param("on", on).param("ref", blank(reference)).update();
		this.audit.record(user.username(), "ATTACH", "admission", id, null, form.code());
	}

	/**
	 * Adds an introducer: a member, and the date from which they worked with the
	 * candidate.
	 */
	@Transactional
	public void addIntroducer(CurrentUser user, long id, long memberId, LocalDate togetherSince) {
		get(user, id);
		requireEditor(user);
		if (togetherSince == null) {
			throw new InvalidInputException("togetherSince", "error.required");
		}
		if (!this.members.visible(user, memberId)) {
			throw new InvalidInputException("introducerId", "admission.error.introducer.unknown");
		}
		this.jdbc.sql("""
				INSERT INTO admission_introducer (admission_id, member_id, together_since) VALUES (:id, :m, :since)
				ON CONFLICT (admission_id, member_id) DO UPDATE SET together_since = :since
				""").param("id", id).param("m", memberId).param("since", togetherSince).update();
		this.audit.record(user.username(), "INTRODUCER", "admission", id, null, memberId);
	}

	/**
	 * Moves the candidate to the target state when it is the next step and every
	 * condition of that step holds on the date; otherwise {@link AdmissionBlocked} names
	 * the rule. One transaction, audited.
	 */
	@Transactional
	public void transition(CurrentUser user, long id, TransitionRequest request) {
		requireEditor(user);
		Admission a = get(user, id);
		if (request == null || request.target() == null) {
			throw new InvalidInputException("targetState", "error.required");
		}
		LocalDate date = request.date() != null ? request.date() : this.today.date();
		AdmissionState target = request.target();
		if (a.closedOn() != null) {
			throw new AdmissionBlocked("admission.closed", "Quy định 294-QĐ/TW", "admission.blocked.closed");
		}
		if (!a.state().next().contains(target)) {
			throw new AdmissionBlocked("admission.order", "Quy định 294-QĐ/TW; Hướng dẫn 12-HD/BTCTW 2022",
					"admission.blocked.order", a.state(), target, a.state().next());
		}
		if (date.isBefore(a.stateSince())) {
			throw new InvalidInputException("date", "admission.error.date.before-state", a.stateSince());
		}
		if (date.isAfter(this.today.date())) {
			throw new InvalidInputException("date", "error.date.future");
		}
		requireForms(a, target);
		switch (target) {
			case DA_HOC_NHAN_THUC:
				requireCertificate(a, date);
				break;
			case DANG_LAM_HO_SO:
				requireCertificate(a, date);
				break;
			case CHI_BO_DE_NGHI:
				checkConditions(a, date);
				update(a, "cell_resolution_date", date);
				break;
			case DANG_UY_CO_SO_DE_NGHI:
				update(a, "committee_resolution_date", date);
				break;
			case CO_QUYET_DINH_KET_NAP:
				decide(a, date, request);
				break;
			case DA_KET_NAP:
				admit(user, a, date, request);
				break;
			case CHINH_THUC:
				recognise(user, a, date, request);
				break;
			case XOA_TEN:
				this.members.changeStatus(user, a.memberId(), MemberStatus.REMOVED, date,
						request.note() != null ? request.note() : "Không đủ điều kiện công nhận đảng viên chính thức",
						request.decisionRef());
				this.jdbc
					.sql("INSERT INTO membership_end (member_id, ended_on, status, reason_code, decision_ref) "
							+ "VALUES (:m, :d, 'REMOVED', 'NOT_RECOGNISED', :ref) ON CONFLICT DO NOTHING")
					.param("m", a.memberId())
					.param("d", date)
					.param("ref", request.decisionRef())
					.update();
				break;
			default:
				break;
		}
		int n = this.jdbc
			.sql("""
					UPDATE admission SET state = :s, state_since = :d, version = version + 1 WHERE id = :id AND state = :from
					""")
			.param("s", target.name())
			.param("d", date)
			.param("id", id)
			.param("from", a.state().name())
			.update();
		if (n != 1) {
			throw new RuleViolationException("error.concurrent-edit");
		}
		transitionRow(id, a.state(), target, date, user, request.note());
		this.audit.record(user.username(), "TRANSITION", "admission", id, a.state(), target);
	}

	/**
	 * A vote of the cell on recognising a probationary member: passed sets the cell's
	 * resolution date; after the rule book's number of failed votes the case is escalated
	 * to the superior committee.
	 */
	@Transactional
	public void recognitionVote(CurrentUser user, long id, LocalDate date, boolean passed) {
		requireEditor(user);
		Admission a = get(user, id);
		if (a.state() != AdmissionState.DA_KET_NAP) {
			throw new AdmissionBlocked("admission.order", "Quy định 294-QĐ/TW", "admission.blocked.not-probationary");
		}
		if (date == null) {
			throw new InvalidInputException("date", "error.required");
		}
		int months = this.rules.integer("member.probation.months", a.ceremonyDate());
		LocalDate end = a.probationEnd(months);
		if (date.isBefore(end)) {
			throw new AdmissionBlocked("member.probation.months", source("member.probation.months", end),
					"admission.blocked.probation-not-over", end);
		}
		if (passed) {
			this.jdbc.sql("UPDATE admission SET cell_recognition_date = :d, version = version + 1 WHERE id = :id")
				.param("d", date)
				.param("id", id)
				.update();
		}
		else {
			int max = this.rules.integer("admission.recognition.max-failed-votes", date);
			this.jdbc.sql("""
					UPDATE admission SET failed_recognition_votes = failed_recognition_votes + 1,
					  escalated_on = CASE WHEN failed_recognition_votes + 1 >= :max THEN :d ELSE escalated_on END,
					  version = version + 1
					WHERE id = :id
					""").param("max", max).param("d", date).param("id", id).update();
		}
		this.audit.record(user.username(), passed ? "RECOGNITION_PASSED" : "RECOGNITION_FAILED", "admission", id, null,
				date);
	}

	private void decide(Admission a, LocalDate date, TransitionRequest request) {
		if (blank(request.decisionRef()) == null) {
			throw new InvalidInputException("decisionRef", "error.required");
		}
		LocalDate due = decisionDue(a.cellResolutionDate(), Boolean.TRUE.equals(request.extended()));
		if (date.isAfter(due)) {
			String key = Boolean.TRUE.equals(request.extended()) ? "admission.decision.extension-working-days"
					: "admission.decision.working-days";
			throw new AdmissionBlocked(key, source(key, a.cellResolutionDate()), "admission.blocked.decision-late", due,
					this.rules.integer(key, a.cellResolutionDate()));
		}
		this.jdbc.sql("""
				UPDATE admission SET decision_date = :d, decision_ref = :ref, decision_extended = :ext,
				  version = version + 1 WHERE id = :id
				""")
			.param("d", date)
			.param("ref", request.decisionRef().strip())
			.param("ext", Boolean.TRUE.equals(request.extended()))
			.param("id", a.id())
			.update();
	}

	private void admit(CurrentUser user, Admission a, LocalDate date, TransitionRequest request) {
		LocalDate due = this.calendar.addWorkingDays(a.decisionDate(),
				this.rules.integer("admission.ceremony.working-days", a.decisionDate()));
		if (date.isAfter(due) && blank(request.lateConsent()) == null) {
			throw new AdmissionBlocked("admission.ceremony.working-days",
					source("admission.ceremony.working-days", a.decisionDate()), "admission.blocked.ceremony-late",
					due);
		}
		long memberId;
		if (a.readmission() && a.memberId() != null) {
			this.members.readmit(user, a.memberId(), a.decisionDate(), date, a.organizationId(), a.decisionRef());
			memberId = a.memberId();
		}
		else {
			MemberRecord record = new MemberRecord(a.fullName(), null, a.sex(), a.dateOfBirth(), null, null, null, null,
					null, null, a.citizenId(), null, a.education(), null, a.decisionDate(), date, null,
					blank(request.partyCardNumber()), null);
			memberId = this.members.register(user, record, a.organizationId(), a.decisionDate());
		}
		this.jdbc.sql("""
				UPDATE admission SET ceremony_date = :d, ceremony_late_consent = :c, member_id = :m,
				  version = version + 1 WHERE id = :id
				""")
			.param("d", date)
			.param("c", blank(request.lateConsent()))
			.param("m", memberId)
			.param("id", a.id())
			.update();
	}

	private void recognise(CurrentUser user, Admission a, LocalDate date, TransitionRequest request) {
		if (a.cellRecognitionDate() == null) {
			throw new AdmissionBlocked("admission.recognition.cell-working-days",
					source("admission.recognition.cell-working-days", date), "admission.blocked.no-cell-resolution");
		}
		if (date.isBefore(a.cellRecognitionDate())) {
			throw new InvalidInputException("date", "admission.error.date.before-cell", a.cellRecognitionDate());
		}
		int months = this.rules.integer("member.probation.months", a.ceremonyDate());
		LocalDate effective = a.probationEnd(months);
		this.members.recognise(user, a.memberId(), effective, request.decisionRef());
		this.jdbc.sql("UPDATE admission SET recognition_decision_ref = :ref, version = version + 1 WHERE id = :id")
			.param("ref", blank(request.decisionRef()))
			.param("id", a.id())
			.update();
	}

	/** The last day for the admission decision: 60 working days (+30 when extended). */
	public LocalDate decisionDue(LocalDate cellResolution, boolean extended) {
		int days = this.rules.integer("admission.decision.working-days", cellResolution);
		if (extended) {
			days += this.rules.integer("admission.decision.extension-working-days", cellResolution);
		}
		return this.calendar.addWorkingDays(cellResolution, days);
	}

	private void requireForms(Admission a, AdmissionState target) {
		Set<AdmissionForm> required = AdmissionForm.requiredBefore(target);
		if (target == AdmissionState.CHI_BO_DE_NGHI && a.youthUnionMember() && a.youthUnionResolutionDate() != null) {
			required.add(AdmissionForm.F4);
		}
		for (AdmissionForm form : required) {
			boolean attached = a.forms()
				.stream()
				.anyMatch((f) -> f.attached()
						&& (f.form() == form || (form == AdmissionForm.F3 && f.form() == AdmissionForm.F3A)));
			if (!attached) {
				throw new AdmissionBlocked("admission.form." + form.code(),
						"Hướng dẫn 12-HD/BTCTW 2022 (phụ lục biểu mẫu)", "admission.blocked.form-missing", form.code());
			}
		}
	}

	private void requireCertificate(Admission a, LocalDate date) {
		String key = "admission.awareness-certificate.valid-months";
		if (a.courseCertificateDate() == null) {
			throw new AdmissionBlocked(key, source(key, date), "admission.blocked.no-certificate");
		}
		int months = this.rules.integer(key, a.courseCertificateDate());
		LocalDate expires = a.courseCertificateDate().plusMonths(months);
		if (!date.isBefore(expires)) {
			throw new AdmissionBlocked(key, source(key, date), "admission.blocked.certificate-expired", expires,
					months);
		}
	}

	/**
	 * The conditions checked on the day the cell considers admission: age in months,
	 * education, certificate, helper, introducers.
	 */
	void checkConditions(Admission a, LocalDate date) {
		requireCertificate(a, date);
		long months = ChronoUnit.MONTHS.between(a.dateOfBirth(), date);
		Rule min = this.rules.require("member.admission.min-age-months", date);
		if (months < Integer.parseInt(min.value())) {
			throw new AdmissionBlocked(min.key(), min.sourceDocument(), "admission.blocked.too-young", months,
					Integer.parseInt(min.value()), min.sourceDocument());
		}
		Rule max = this.rules.inForce("member.admission.max-age-months", date).orElse(null);
		if (max != null && months > Integer.parseInt(max.value())) {
			throw new AdmissionBlocked(max.key(), max.sourceDocument(), "admission.blocked.too-old", months,
					Integer.parseInt(max.value()), max.sourceDocument());
		}
		Rule edu = this.rules.require("admission.education.minimum", date);
		if (!a.lowerSecondaryCompleted() && a.educationException() == null) {
			throw new AdmissionBlocked(edu.key(), edu.sourceDocument(), "admission.blocked.education", edu.value(),
					edu.sourceDocument());
		}
		if (a.helperMemberId() == null) {
			throw new AdmissionBlocked("admission.helper", "Quy định 294-QĐ/TW", "admission.blocked.no-helper");
		}
		Rule together = this.rules.require("admission.introducer.min-months-together", date);
		int need = Integer.parseInt(together.value());
		for (Admission.Introducer i : a.introducers()) {
			MemberStatus s = statusOn(i.memberId(), date);
			if (s != MemberStatus.FULL) {
				throw new AdmissionBlocked(together.key(), together.sourceDocument(),
						"admission.blocked.introducer-not-full", i.fullName(), together.sourceDocument());
			}
			if (i.togetherSince().plusMonths(need).isAfter(date)) {
				throw new AdmissionBlocked(together.key(), together.sourceDocument(),
						"admission.blocked.introducer-too-short", i.fullName(), need, together.sourceDocument());
			}
		}
		Rule count = this.rules.require("admission.introducers.required", date);
		int required = Integer.parseInt(count.value());
		if (a.youthUnionMember() && a.youthUnionResolutionDate() != null && youthAge(a, date)) {
			required = required - 1;
		}
		if (a.introducers().size() < required) {
			throw new AdmissionBlocked(count.key(), count.sourceDocument(), "admission.blocked.introducers",
					a.introducers().size(), required, count.sourceDocument());
		}
	}

	private boolean youthAge(Admission a, LocalDate date) {
		return this.rules.inForce("admission.youth-union.max-age-years", date)
			.map((r) -> ChronoUnit.YEARS.between(a.dateOfBirth(), date) <= Integer.parseInt(r.value()))
			.orElse(true);
	}

	/** The candidate's file, or 404 outside the caller's scope. */
	public Admission get(CurrentUser user, long id) {
		Admission a = this.jdbc
			.sql(SELECT + " WHERE a.id = :id AND a.organization_id IN "
					+ "(SELECT id FROM organization_visible_ever(:roots, :global))")
			.param("id", id)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> map(rs, false))
			.optional()
			.orElseThrow(() -> new NotFoundException("admission " + id));
		return withDetails(a);
	}

	/**
	 * Candidates in the caller's scope, optionally in one state, with their next
	 * deadline.
	 */
	public List<BoardItem> list(ScopeRef scope, AdmissionState state) {
		LocalDate d = this.today.date();
		List<Admission> rows = this.jdbc.sql(SELECT + """
				 WHERE a.organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global))
				   AND (CAST(:state AS text) IS NULL OR a.state = :state) AND a.closed_on IS NULL
				 ORDER BY a.id
				""")
			.param("roots", scope.roots())
			.param("global", scope.global())
			.param("state", state == null ? null : state.name())
			.query((rs, n) -> map(rs, false))
			.list();
		List<BoardItem> items = new ArrayList<>();
		for (Admission a : rows) {
			Deadline next = nextDeadline(a);
			items.add(new BoardItem(a.id(), a.memberId(), a.fullName(), a.organizationId(), a.organizationName(),
					a.state(), next, next != null && next.due().isBefore(d)));
		}
		return items;
	}

	/**
	 * The deadline board: every open candidate and every probationary member in scope
	 * (also those registered without an admission file), due and overdue first.
	 */
	public List<BoardItem> board(ScopeRef scope) {
		LocalDate d = this.today.date();
		List<BoardItem> items = new ArrayList<>(
				list(scope, null).stream().filter((i) -> !i.state().finished()).toList());
		record Probationer(long id, String name, long org, String orgName, LocalDate decision, LocalDate ceremony) {
		}
		List<Probationer> others = this.jdbc
			.sql("""
					SELECT m.id, m.full_name, ms.organization_id,
					  (SELECT n.name FROM organization_name n WHERE n.organization_id = ms.organization_id
					    AND n.valid_from <= :d AND (n.valid_to IS NULL OR n.valid_to > :d)) AS org_name,
					  m.admission_decision_date, m.admission_ceremony_date
					FROM member m
					JOIN member_status st ON st.member_id = m.id AND st.status = 'PROBATIONARY' AND st.valid_from <= :d
					  AND (st.valid_to IS NULL OR st.valid_to > :d)
					JOIN membership ms ON ms.member_id = m.id AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
					WHERE ms.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
					  AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.member_id = m.id AND a.state = 'DA_KET_NAP')
					""")
			.param("d", d)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs, n) -> new Probationer(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
		for (Probationer p : others) {
			LocalDate start = p.ceremony() != null ? p.ceremony() : p.decision();
			LocalDate end = start.plusMonths(this.rules.integer("member.probation.months", start));
			LocalDate due = this.calendar.addWorkingDays(end,
					this.rules.integer("admission.recognition.cell-working-days", end));
			Deadline next = new Deadline("RECOGNITION_CELL", due, "admission.recognition.cell-working-days");
			items.add(new BoardItem(null, p.id(), p.name(), p.org(), p.orgName(), AdmissionState.DA_KET_NAP, next,
					due.isBefore(d)));
		}
		items.sort(Comparator.comparing((BoardItem i) -> i.next() == null)
			.thenComparing((i) -> i.next() == null ? LocalDate.MAX : i.next().due())
			.thenComparing(BoardItem::fullName));
		return items;
	}

	/** The next deadline of a candidate, by state; null when the step has none. */
	public Deadline nextDeadline(Admission a) {
		switch (a.state()) {
			case DA_HOC_NHAN_THUC:
			case DANG_LAM_HO_SO:
				if (a.courseCertificateDate() == null) {
					return null;
				}
				return new Deadline("CERTIFICATE_EXPIRES",
						a.courseCertificateDate()
							.plusMonths(this.rules.integer("admission.awareness-certificate.valid-months",
									a.courseCertificateDate()))
							.minusDays(1),
						"admission.awareness-certificate.valid-months");
			case CHI_BO_DE_NGHI:
			case DANG_UY_CO_SO_DE_NGHI:
				return new Deadline("DECISION", decisionDue(a.cellResolutionDate(), a.decisionExtended()),
						"admission.decision.working-days");
			case CO_QUYET_DINH_KET_NAP:
				return new Deadline("CEREMONY",
						this.calendar.addWorkingDays(a.decisionDate(),
								this.rules.integer("admission.ceremony.working-days", a.decisionDate())),
						"admission.ceremony.working-days");
			case DA_KET_NAP:
				LocalDate end = a.probationEnd(this.rules.integer("member.probation.months", a.ceremonyDate()));
				if (a.cellRecognitionDate() == null) {
					return new Deadline("RECOGNITION_CELL",
							this.calendar.addWorkingDays(end,
									this.rules.integer("admission.recognition.cell-working-days", end)),
							"admission.recognition.cell-working-days");
				}
				return new Deadline("RECOGNITION_COMMITTEE",
						this.calendar.addWorkingDays(a.cellRecognitionDate(), this.rules
							.integer("admission.recognition.committee-working-days", a.cellRecognitionDate())),
						"admission.recognition.committee-working-days");
			default:
				return null;
		}
	}

	/** Counts per state in scope (for the board's header). */
	public Map<AdmissionState, Integer> countsByState(ScopeRef scope) {
		Map<AdmissionState, Integer> counts = new EnumMap<>(AdmissionState.class);
		for (AdmissionState s : AdmissionState.values()) {
			counts.put(s, 0);
		}
		for (BoardItem i : list(scope, null)) {
			counts.merge(i.state(), 1, Integer::sum);
		}
		return counts;
	}

	private Admission withDetails(Admission a) {
		List<Admission.FormStatus> attached = this.jdbc
			.sql("SELECT form_code, attached_on, reference FROM admission_form WHERE admission_id = :id")
			.param("id", a.id())
			.query((rs, n) -> new Admission.FormStatus(AdmissionForm.of(rs.getString(1)),
					rs.getObject(2, LocalDate.class), rs.getString(3)))
			.list();
		List<Admission.FormStatus> forms = new ArrayList<>();
		for (AdmissionForm f : AdmissionForm.values()) {
			forms.add(attached.stream()
				.filter((x) -> x.form() == f)
				.findFirst()
				.orElse(new Admission.FormStatus(f, null, null)));
		}
		List<Admission.Introducer> introducers = this.jdbc.sql("""
				SELECT i.member_id, m.full_name, i.together_since FROM admission_introducer i
				JOIN member m ON m.id = i.member_id WHERE i.admission_id = :id ORDER BY m.full_name
				""")
			.param("id", a.id())
			.query((rs, n) -> new Admission.Introducer(rs.getLong(1), rs.getString(2),
					rs.getObject(3, LocalDate.class)))
			.list();
		List<Admission.Transition> transitions = this.jdbc.sql("""
				SELECT from_state, to_state, on_date, actor, note FROM admission_transition WHERE admission_id = :id
				ORDER BY recorded_at, on_date
				""")
			.param("id", a.id())
			.query((rs, n) -> new Admission.Transition(
					rs.getString(1) == null ? null : AdmissionState.valueOf(rs.getString(1)),
					AdmissionState.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getString(5)))
			.list();
		return new Admission(a.id(), a.fullName(), a.sex(), a.dateOfBirth(), a.citizenId(), a.education(),
				a.lowerSecondaryCompleted(), a.educationException(), a.youthUnionMember(), a.organizationId(),
				a.organizationName(), a.helperMemberId(), a.helperName(), a.state(), a.stateSince(), a.identifiedOn(),
				a.courseCertificateDate(), a.youthUnionResolutionDate(), a.cellResolutionDate(),
				a.committeeResolutionDate(), a.decisionDate(), a.decisionRef(), a.decisionExtended(), a.ceremonyDate(),
				a.memberId(), a.cellRecognitionDate(), a.failedRecognitionVotes(), a.escalatedOn(), a.readmission(),
				a.closedOn(), a.closedReason(), a.version(), forms, introducers, transitions);
	}

	private static final String SELECT = """
			SELECT a.*, (SELECT n.name FROM organization_name n WHERE n.organization_id = a.organization_id
			               ORDER BY n.valid_from DESC LIMIT 1) AS org_name,
			       (SELECT m.full_name FROM member m WHERE m.id = a.helper_member_id) AS helper_name
			FROM admission a
			""";

	private static Admission map(ResultSet rs, boolean unused) throws SQLException {
		return new Admission(rs.getLong("id"), rs.getString("full_name"), Sex.valueOf(rs.getString("sex")),
				rs.getObject("date_of_birth", LocalDate.class), rs.getString("citizen_id"), rs.getString("education"),
				rs.getBoolean("lower_secondary_completed"), rs.getString("education_exception"),
				rs.getBoolean("youth_union_member"), rs.getLong("organization_id"), rs.getString("org_name"),
				(Long) rs.getObject("helper_member_id"), rs.getString("helper_name"),
				AdmissionState.valueOf(rs.getString("state")), rs.getObject("state_since", LocalDate.class),
				rs.getObject("identified_on", LocalDate.class),
				rs.getObject("course_certificate_date", LocalDate.class),
				rs.getObject("youth_union_resolution_date", LocalDate.class),
				rs.getObject("cell_resolution_date", LocalDate.class),
				rs.getObject("committee_resolution_date", LocalDate.class),
				rs.getObject("decision_date", LocalDate.class), rs.getString("decision_ref"),
				rs.getBoolean("decision_extended"), rs.getObject("ceremony_date", LocalDate.class),
				(Long) rs.getObject("member_id"), rs.getObject("cell_recognition_date", LocalDate.class),
				rs.getInt("failed_recognition_votes"), rs.getObject("escalated_on", LocalDate.class),
				rs.getBoolean("readmission"), rs.getObject("closed_on", LocalDate.class), rs.getString("closed_reason"),
				rs.getInt("version"), List.of(), List.of(), List.of());
	}

	private void update(Admission a, String column, LocalDate date) {
		// the column is one of the fixed literals above, never user input
		this.jdbc.sql("UPDATE admission SET " + column + " = :d, version = version + 1 WHERE id = :id")
			.param("d", date)
			.param("id", a.id())
			.update();
	}

	private void transitionRow(long id, AdmissionState from, AdmissionState to, LocalDate on, CurrentUser user,
			String note) {
		this.jdbc.sql("""
				INSERT INTO admission_transition (admission_id, from_state, to_state, on_date, actor, note)
				VALUES (:id, :from, :to, :on, :actor, :note)
				""")
			.param("id", id)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("on", on)
			.param("actor", user.username())
			.param("note", blank(note))
			.update();
	}

	private MemberStatus statusOn(long memberId, LocalDate date) {
		return this.jdbc.sql("""
				SELECT status FROM member_status WHERE member_id = :m AND valid_from <= :d
				  AND (valid_to IS NULL OR valid_to > :d)
				""")
			.param("m", memberId)
			.param("d", date)
			.query(String.class)
			.optional()
			.map(MemberStatus::valueOf)
			.orElse(null);
	}

	private void requireFullMemberOf(long memberId, LocalDate date, String field) {
		if (statusOn(memberId, date) != MemberStatus.FULL) {
			throw new InvalidInputException(field, "admission.error.helper.not-full");
		}
	}

	private String source(String key, LocalDate on) {
		return this.rules.inForce(key, on).map(Rule::sourceDocument).orElse(key);
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("admissions");
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
