package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.MemberRoll;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Discipline decisions and complaints. A decision is refused, with the rule named, when
 * the form does not fit the subject, the body lacks the authority, the limitation period
 * has run out, the vote has no majority, or the violation was already decided; otherwise
 * it takes effect on its date (an expulsion ends the membership in the same transaction,
 * a removal from post is published for the committee module).
 */
@Service
@Transactional
public class Disciplines {

	private final JdbcClient jdbc;

	private final Inspections inspections;

	private final DisciplineAuthority authority;

	private final OrganizationTree tree;

	private final Members members;

	private final MemberRoll roll;

	private final RuleBook rules;

	private final ObjectProvider<Posts> posts;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Today today;

	Disciplines(JdbcClient jdbc, Inspections inspections, DisciplineAuthority authority, OrganizationTree tree,
			Members members, MemberRoll roll, RuleBook rules, ObjectProvider<Posts> posts,
			ApplicationEventPublisher events, AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.authority = authority;
		this.tree = tree;
		this.members = members;
		this.roll = roll;
		this.rules = rules;
		this.posts = posts;
		this.events = events;
		this.audit = audit;
		this.today = today;
	}

	/** The limitation period of a form for a violation, as the API answers it. */
	public record Limitation(boolean expired, LocalDate expiresOn, String ruleKey, String sourceDocument) {
	}

	/**
	 * Whether a decision on {@code decisionDate} is out of time for a violation committed
	 * on {@code violationDate} (ended on {@code endedOn} if it went on), restarted by
	 * later violations within the period.
	 */
	@Transactional(readOnly = true)
	public Limitation limitation(DisciplineForm form, ViolationArea area, LocalDate violationDate, LocalDate endedOn,
			List<LocalDate> laterViolations, LocalDate decisionDate) {
		Inspections.required("form", form);
		Inspections.required("violationDate", violationDate);
		Inspections.required("decisionDate", decisionDate);
		if (decisionDate.isBefore(violationDate)) {
			throw new InvalidInputException("decisionDate", "error.discipline.decision-before-violation");
		}
		if (endedOn != null && endedOn.isBefore(violationDate)) {
			throw new InvalidInputException("violationEndedOn", "error.discipline.ended-before");
		}
		Rule rule = this.rules.require("discipline.limitation-months." + form, violationDate);
		if (area != null) {
			Optional<Rule> noLimit = this.rules.inForce("discipline.limitation.no-limit-areas", violationDate);
			if (noLimit.isPresent() && Arrays.asList(noLimit.get().value().split(",\\s*")).contains(area.name())) {
				return new Limitation(false, null, noLimit.get().key(), noLimit.get().sourceDocument());
			}
		}
		LocalDate expires = LimitationPeriod.expiresOn(Integer.parseInt(rule.value().strip()), violationDate, endedOn,
				laterViolations);
		return new Limitation(LimitationPeriod.expired(expires, decisionDate), expires, rule.key(),
				rule.sourceDocument());
	}

	/** A discipline decision as recorded. */
	public record DecisionRequest(Long caseId, Long decidingOrganizationId, DecidingBody body, Long memberId,
			Long subjectOrganizationId, SubjectStanding standing, ViolationArea area, String violationSummary,
			LocalDate violationDate, LocalDate violationEndedOn, List<LocalDate> laterViolations, DisciplineForm form,
			LocalDate decisionDate, LocalDate effectiveDate, String documentRef, Integer eligibleVoters,
			Integer votesFor, Integer votesAgainst, Boolean delegatedAdmission) {
	}

	/** The outcome: the decision's id and the warnings it was taken with. */
	public record Decided(long id, List<String> warnings) {
	}

	/** A decision as the case page lists it. */
	public record Decision(long id, String subject, SubjectKind subjectKind, DisciplineForm form, DecidingBody body,
			String decidingOrganization, LocalDate violationDate, String violation, LocalDate decisionDate,
			LocalDate effectiveDate, String documentRef, int eligibleVoters, int votesFor, int votesAgainst,
			String status, String warnings) {
	}

	/** Records a decision after every check; one transaction, audited. */
	public Decided decide(CurrentUser user, DecisionRequest r) {
		if (!(user.has(Role.INSPECTION) || user.has(Role.LEADER) || user.has(Role.SECRETARY))) {
			throw new NotFoundException("discipline");
		}
		Long orgId = Inspections.required("decidingOrganizationId", r.decidingOrganizationId());
		DecidingBody body = Inspections.required("body", r.body());
		DisciplineForm form = Inspections.required("form", r.form());
		LocalDate decisionDate = Inspections.required("decisionDate", r.decisionDate());
		LocalDate violationDate = Inspections.required("violationDate", r.violationDate());
		String summary = Inspections.required("violationSummary", Inspections.blank(r.violationSummary()));
		String ref = Inspections.required("documentRef", Inspections.blank(r.documentRef()));
		ViolationArea area = Inspections.required("area", r.area());
		LocalDate effective = r.effectiveDate() != null ? r.effectiveDate() : decisionDate;
		if (decisionDate.isAfter(this.today.date())) {
			throw new InvalidInputException("decisionDate", "error.date.future");
		}
		if (effective.isBefore(decisionDate)) {
			throw new InvalidInputException("effectiveDate", "error.discipline.effective-before");
		}
		Organization org = this.tree.find(user, orgId, decisionDate)
			.orElseThrow(() -> new NotFoundException("organization " + orgId));
		this.inspections.requireOpen(user, org.id(), "organization " + org.id());
		if (!body.belongsTo(org.type())) {
			throw new InvalidInputException("decidingBody", "error.inspection.body-type", body, org.type());
		}
		if (r.caseId() != null) {
			this.inspections.require(user, r.caseId());
		}
		// the subject: a member in the Party placed under the deciding organisation, or a
		// subordinate organisation
		SubjectKind kind;
		String subjectName;
		if ((r.memberId() == null) == (r.subjectOrganizationId() == null)) {
			throw new InvalidInputException("subject", "error.inspection.subject-one");
		}
		if (r.memberId() != null) {
			if (!this.members.visible(user, r.memberId())) {
				throw new InvalidInputException("memberId", "error.inspection.subject-not-found");
			}
			MemberRoll.Entry entry = this.roll.on(CurrentUser.system().scope(), org.id(), decisionDate)
				.stream()
				.filter((e) -> e.memberId() == r.memberId())
				.findFirst()
				.orElseThrow(() -> new RuleViolationException("error.discipline.subject-outside", org.name()));
			kind = entry.status() == MemberStatus.PROBATIONARY ? SubjectKind.PROBATIONARY_MEMBER
					: SubjectKind.FULL_MEMBER;
			subjectName = entry.fullName();
		}
		else {
			Organization subject = this.tree.find(CurrentUser.system(), r.subjectOrganizationId(), decisionDate)
				.orElseThrow(
						() -> new InvalidInputException("subjectOrganizationId", "error.inspection.subject-not-found"));
			if (!isBelow(subject, org.id(), decisionDate)) {
				throw new RuleViolationException("error.discipline.subject-outside", org.name());
			}
			kind = SubjectKind.ORGANIZATION;
			subjectName = subject.name();
		}
		SubjectStanding standing = kind == SubjectKind.ORGANIZATION ? SubjectStanding.ORGANIZATION
				: (r.standing() == null ? SubjectStanding.MEMBER : r.standing());
		this.authority.check(new DisciplineAuthority.Question(body, kind, standing, area, form,
				Boolean.TRUE.equals(r.delegatedAdmission()), decisionDate));
		List<String> warnings = new ArrayList<>();
		if (form == DisciplineForm.CACH_CHUC) {
			Posts source = this.posts.getIfAvailable();
			Optional<Boolean> holds = source == null ? Optional.empty() : source.holdsPost(r.memberId(), decisionDate);
			if (holds.isPresent() && !holds.get()) {
				throw new RuleViolationException("error.discipline.no-post", subjectName);
			}
			if (holds.isEmpty() && standing != SubjectStanding.COMMITTEE_MEMBER
					&& standing != SubjectStanding.OWN_COMMITTEE_MEMBER) {
				warnings.add("discipline.warning.post-unknown");
			}
		}
		// the limitation period, restarted by the subject's later recorded violations
		List<LocalDate> later = new ArrayList<>(r.laterViolations() == null ? List.of() : r.laterViolations());
		later.addAll(this.jdbc.sql("""
				SELECT committed_on FROM discipline_violation
				WHERE (subject_member_id = :m OR subject_organization_id = :o) AND committed_on > :d
				""")
			.param("m", r.memberId())
			.param("o", r.subjectOrganizationId())
			.param("d", violationDate)
			.query(LocalDate.class)
			.list());
		Limitation limit = limitation(form, area, violationDate, r.violationEndedOn(), later, decisionDate);
		if (limit.expired()) {
			throw new RuleViolationException("error.discipline.limitation-expired", form, limit.expiresOn(),
					limit.ruleKey(), limit.sourceDocument());
		}
		// secret ballot of the body
		int eligible = Inspections.required("eligibleVoters", r.eligibleVoters());
		int votesFor = Inspections.required("votesFor", r.votesFor());
		int votesAgainst = r.votesAgainst() == null ? 0 : r.votesAgainst();
		if (eligible < 1 || votesFor < 0 || votesAgainst < 0 || votesFor + votesAgainst > eligible) {
			throw new InvalidInputException("votesFor", "error.discipline.votes", eligible);
		}
		Rule majority = this.rules.require("discipline.vote.min-percent", decisionDate);
		if (votesFor * 100L <= (long) Integer.parseInt(majority.value().strip()) * eligible) {
			throw new RuleViolationException("error.discipline.vote-majority", votesFor, eligible, majority.value(),
					majority.sourceDocument());
		}
		// one violation, one discipline
		String folded = VietnameseText.fold(summary);
		Boolean decided = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM discipline_violation v JOIN discipline_decision d ON d.violation_id = v.id
				  WHERE (v.subject_member_id = :m OR v.subject_organization_id = :o) AND v.committed_on = :d
				    AND d.status <> 'ANNULLED')
				""")
			.param("m", r.memberId())
			.param("o", r.subjectOrganizationId())
			.param("d", violationDate)
			.query(Boolean.class)
			.single();
		if (decided) {
			throw new RuleViolationException("error.discipline.one-violation", violationDate,
					folded.isEmpty() ? summary : summary);
		}
		long violation = this.jdbc
			.sql("""
					INSERT INTO discipline_violation (case_id, subject_member_id, subject_organization_id, subject_name, area,
					  summary, committed_on, ended_on, recorded_by)
					VALUES (:c, :m, :o, :name, :area, :summary, :d, :ended, :by) RETURNING id
					""")
			.param("c", r.caseId())
			.param("m", r.memberId())
			.param("o", r.subjectOrganizationId())
			.param("name", subjectName)
			.param("area", area.name())
			.param("summary", VietnameseText.clean(summary))
			.param("d", violationDate)
			.param("ended", r.violationEndedOn())
			.param("by", user.username())
			.query(Long.class)
			.single();
		long id = this.jdbc
			.sql("""
					INSERT INTO discipline_decision (violation_id, deciding_organization_id, body, subject_kind, standing, form,
					  decision_date, effective_date, document_ref, eligible_voters, votes_for, votes_against, warnings,
					  recorded_by)
					VALUES (:v, :org, :body, :kind, :standing, :form, :date, :effective, :ref, :eligible, :for, :against,
					  :warnings, :by) RETURNING id
					""")
			.param("v", violation)
			.param("org", org.id())
			.param("body", body.name())
			.param("kind", kind.name())
			.param("standing", standing.name())
			.param("form", form.name())
			.param("date", decisionDate)
			.param("effective", effective)
			.param("ref", ref)
			.param("eligible", eligible)
			.param("for", votesFor)
			.param("against", votesAgainst)
			.param("warnings", warnings.isEmpty() ? null : String.join(",", warnings))
			.param("by", user.username())
			.query(Long.class)
			.single();
		if (form == DisciplineForm.KHAI_TRU) {
			if (effective.isAfter(this.today.date())) {
				throw new InvalidInputException("effectiveDate", "error.discipline.expulsion-future");
			}
			// the decision is the authority for ending the membership: an inspection
			// user records it in the register on the decision's strength
			this.members.changeStatus(registerEditor(user), r.memberId(), MemberStatus.EXPELLED, effective, "Khai trừ",
					ref);
		}
		this.audit.record(user.username(), "DECIDE", "discipline_decision", id, null,
				Map.of("form", form.name(), "subject", subjectName, "body", body.name(), "documentRef", ref));
		this.events
			.publishEvent(new DisciplineTookEffect(id, r.memberId(), r.subjectOrganizationId(), form, effective, ref));
		return new Decided(id, warnings);
	}

	/** Decisions taken on a case, for those who may open it. */
	public List<Decision> ofCase(CurrentUser user, long caseId) {
		this.inspections.require(user, caseId);
		return query("v.case_id = :p", caseId);
	}

	/**
	 * Decisions of organisations in the caller's scope in a year; INSPECTION and LEADER
	 * only.
	 */
	public List<Decision> ofYear(CurrentUser user, int year) {
		if (!Inspections.privileged(user)) {
			throw new NotFoundException("disciplines");
		}
		this.audit.record(user.username(), "READ", "discipline_decision_list", year, null, null);
		return this.jdbc.sql(DECISION_SELECT + """
				WHERE d.decision_date >= :from AND d.decision_date < :to
				  AND d.deciding_organization_id IN (SELECT x.id FROM organization_visible_ever(:roots, :global) x)
				ORDER BY d.decision_date, d.id
				""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Disciplines::mapDecision)
			.list();
	}

	private static final String DECISION_SELECT = """
			SELECT d.id, v.subject_name, d.subject_kind, d.form, d.body,
			  (SELECT n.name FROM organization_name n WHERE n.organization_id = d.deciding_organization_id
			   ORDER BY (n.valid_from <= d.decision_date) DESC, n.valid_from DESC LIMIT 1) AS org_name,
			  v.committed_on, v.summary, d.decision_date, d.effective_date, d.document_ref, d.eligible_voters,
			  d.votes_for, d.votes_against, d.status, d.warnings, d.deciding_organization_id
			FROM discipline_decision d JOIN discipline_violation v ON v.id = d.violation_id
			""";

	private List<Decision> query(String where, long param) {
		return this.jdbc.sql(DECISION_SELECT + " WHERE " + where + " ORDER BY d.decision_date, d.id")
			.param("p", param)
			.query(Disciplines::mapDecision)
			.list();
	}

	private static Decision mapDecision(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Decision(rs.getLong(1), rs.getString(2), SubjectKind.valueOf(rs.getString(3)),
				DisciplineForm.valueOf(rs.getString(4)), DecidingBody.valueOf(rs.getString(5)), rs.getString(6),
				rs.getObject(7, LocalDate.class), rs.getString(8), rs.getObject(9, LocalDate.class),
				rs.getObject(10, LocalDate.class), rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
				rs.getString(15), rs.getString(16));
	}

	// ----- complaints -----

	/** A complaint against a decision and its outcome. */
	public record Complaint(long id, long decisionId, String handlingOrganization, DecidingBody body,
			LocalDate receivedOn, String grounds, ComplaintOutcome outcome, DisciplineForm reducedForm,
			LocalDate decidedOn, String outcomeRef, boolean rightsRestored, long handlingOrganizationId,
			String resolvedBy) {

		public boolean pending() {
			return this.outcome == null;
		}

	}

	/**
	 * Files a complaint with a body above the one that decided, within the rule book's
	 * period from the decision; the decision stays in force meanwhile.
	 */
	public long complain(CurrentUser user, long decisionId, Long handlingOrganizationId, DecidingBody body,
			LocalDate receivedOn, String grounds) {
		Decision d = decision(user, decisionId);
		Inspections.required("body", body);
		Inspections.required("receivedOn", receivedOn);
		String text = Inspections.required("grounds", Inspections.blank(grounds));
		if (receivedOn.isBefore(d.decisionDate())) {
			throw new InvalidInputException("receivedOn", "error.discipline.complaint-before");
		}
		Rule period = this.rules.require("discipline.complaint.period-months", d.decisionDate());
		LocalDate deadline = d.decisionDate().plusMonths(Integer.parseInt(period.value().strip()));
		if (receivedOn.isAfter(deadline)) {
			throw new RuleViolationException("error.discipline.complaint-late", deadline, period.key(),
					period.sourceDocument());
		}
		long decidingOrg = decidingOrganization(decisionId);
		Inspections.required("handlingOrganizationId", handlingOrganizationId);
		Organization handler = this.tree.find(CurrentUser.system(), handlingOrganizationId, receivedOn)
			.orElseThrow(
					() -> new InvalidInputException("handlingOrganizationId", "error.inspection.subject-not-found"));
		if (!body.belongsTo(handler.type())) {
			throw new InvalidInputException("decidingBody", "error.inspection.body-type", body, handler.type());
		}
		Organization decider = this.tree.getLatestVisible(CurrentUser.system(), decidingOrg);
		boolean up = handler.id() != decidingOrg ? isBelow(decider, handler.id(), receivedOn)
				: higherBodyOfSameOrganization(d.body(), body);
		if (!up) {
			throw new RuleViolationException("error.discipline.complaint-not-up");
		}
		long id = this.jdbc.sql("""
				INSERT INTO discipline_complaint (decision_id, handling_organization_id, body, received_on, grounds,
				  recorded_by)
				VALUES (:d, :o, :b, :r, :g, :by) RETURNING id
				""")
			.param("d", decisionId)
			.param("o", handlingOrganizationId)
			.param("b", body.name())
			.param("r", receivedOn)
			.param("g", VietnameseText.clean(text))
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "COMPLAIN", "discipline_decision", decisionId, null, id);
		return id;
	}

	/**
	 * Decides a complaint: upheld, reduced to a milder form, or annulled with the rights
	 * restored (QĐ 117-QĐ/TW). The handling organisation must be open to the caller. An
	 * expulsion annulled or reduced gives the member back the status held before it, from
	 * the date of the complaint decision (the expelled period stays in the history). One
	 * transaction, audited; {@link DisciplineComplaintResolved} is published.
	 */
	public Complaint resolve(CurrentUser user, long complaintId, ComplaintOutcome outcome, DisciplineForm reducedForm,
			LocalDate decidedOn, String outcomeRef) {
		Complaint c = complaint(complaintId);
		Decision d = decision(user, c.decisionId());
		this.inspections.requireOpen(user, handlingOrganization(complaintId), "complaint " + complaintId);
		Inspections.required("outcome", outcome);
		Inspections.required("decidedOn", decidedOn);
		String ref = Inspections.required("outcomeRef", Inspections.blank(outcomeRef));
		if (c.outcome() != null) {
			throw new RuleViolationException("error.discipline.complaint-decided");
		}
		if (decidedOn.isBefore(c.receivedOn()) || decidedOn.isAfter(this.today.date())) {
			throw new InvalidInputException("decidedOn", "error.discipline.complaint-date");
		}
		if (outcome == ComplaintOutcome.REDUCED && (reducedForm == null || !reducedForm.milderThan(d.form()))) {
			throw new InvalidInputException("reducedForm", "error.discipline.reduced-form", d.form());
		}
		if (outcome == ComplaintOutcome.REDUCED && !DisciplineForm.forSubject(d.subjectKind()).contains(reducedForm)) {
			throw new InvalidInputException("reducedForm", "error.discipline.reduced-form", d.form());
		}
		String status = switch (outcome) {
			case UPHELD -> "IN_FORCE";
			case REDUCED -> "REDUCED";
			case ANNULLED -> "ANNULLED";
		};
		this.jdbc.sql("""
				UPDATE discipline_complaint SET outcome = :o, reduced_form = :f, decided_on = :d, outcome_ref = :ref,
				  rights_restored = :restored, resolved_by = :by WHERE id = :id AND outcome IS NULL
				""")
			.param("o", outcome.name())
			.param("f", outcome == ComplaintOutcome.REDUCED ? reducedForm.name() : null)
			.param("d", decidedOn)
			.param("ref", ref)
			.param("restored", outcome != ComplaintOutcome.UPHELD)
			.param("by", user.username())
			.param("id", complaintId)
			.update();
		this.jdbc.sql("""
				UPDATE discipline_decision SET status = :s, status_changed_on = :d, version = version + 1 WHERE id = :id
				""").param("s", status).param("d", decidedOn).param("id", d.id()).update();
		Long memberId = subjectMember(d.id());
		if (d.form() == DisciplineForm.KHAI_TRU && outcome != ComplaintOutcome.UPHELD && memberId != null) {
			// the member is back in the Party: same transaction as the outcome, so a
			// refused restoration leaves the complaint undecided
			this.members.restoreAfterAnnulledExpulsion(registerEditor(user), memberId, decidedOn,
					outcome == ComplaintOutcome.ANNULLED ? "Huỷ quyết định khai trừ, phục hồi quyền đảng viên"
							: "Giảm hình thức kỷ luật khai trừ, phục hồi quyền đảng viên",
					ref);
		}
		this.audit.record(user.username(), "RESOLVE", "discipline_complaint", complaintId, c,
				Map.of("outcome", outcome.name(), "ref", ref, "decidedOn", decidedOn.toString()));
		this.events
			.publishEvent(new DisciplineComplaintResolved(d.id(), complaintId, memberId, subjectOrganization(d.id()),
					d.form(), outcome, outcome == ComplaintOutcome.REDUCED ? reducedForm : null, decidedOn, ref));
		return complaint(complaintId);
	}

	/** One complaint, for those who may open the decision it is about; audited. */
	public Complaint complaint(CurrentUser user, long complaintId) {
		Complaint c = complaint(complaintId);
		decision(user, c.decisionId());
		return c;
	}

	private long handlingOrganization(long complaintId) {
		return this.jdbc.sql("SELECT handling_organization_id FROM discipline_complaint WHERE id = :id")
			.param("id", complaintId)
			.query(Long.class)
			.single();
	}

	private Long subjectMember(long decisionId) {
		return this.jdbc
			.sql("""
					SELECT v.subject_member_id FROM discipline_decision d JOIN discipline_violation v ON v.id = d.violation_id
					WHERE d.id = :id
					""")
			.param("id", decisionId)
			.query(Long.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private Long subjectOrganization(long decisionId) {
		return this.jdbc.sql("""
				SELECT v.subject_organization_id FROM discipline_decision d
				JOIN discipline_violation v ON v.id = d.violation_id WHERE d.id = :id
				""")
			.param("id", decisionId)
			.query(Long.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	public List<Complaint> complaints(CurrentUser user, long decisionId) {
		decision(user, decisionId);
		return this.jdbc.sql(COMPLAINT_SELECT + " WHERE c.decision_id = :d ORDER BY c.received_on, c.id")
			.param("d", decisionId)
			.query(Disciplines::mapComplaint)
			.list();
	}

	/**
	 * One decision, for those who may open the deciding organisation's files; audited.
	 */
	public Decision decision(CurrentUser user, long id) {
		Decision d = this.jdbc.sql(DECISION_SELECT + " WHERE d.id = :p")
			.param("p", id)
			.query(Disciplines::mapDecision)
			.optional()
			.orElseThrow(() -> new NotFoundException("decision " + id));
		this.inspections.requireOpen(user, decidingOrganization(id), "decision " + id);
		this.audit.record(user.username(), "READ", "discipline_decision", id, null, null);
		return d;
	}

	/** The case a decision was taken on, or null (no scope: callers check). */
	Long caseOf(long decisionId) {
		return this.jdbc.sql("""
				SELECT v.case_id FROM discipline_decision d JOIN discipline_violation v ON v.id = d.violation_id
				WHERE d.id = :id
				""")
			.param("id", decisionId)
			.query(Long.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private long decidingOrganization(long decisionId) {
		return this.jdbc.sql("SELECT deciding_organization_id FROM discipline_decision WHERE id = :id")
			.param("id", decisionId)
			.query(Long.class)
			.single();
	}

	private static final String COMPLAINT_SELECT = """
			SELECT c.id, c.decision_id, (SELECT n.name FROM organization_name n WHERE n.organization_id = c.handling_organization_id
			  ORDER BY (n.valid_from <= c.received_on) DESC, n.valid_from DESC LIMIT 1), c.body, c.received_on, c.grounds,
			  c.outcome, c.reduced_form, c.decided_on, c.outcome_ref, c.rights_restored, c.handling_organization_id,
			  c.resolved_by
			FROM discipline_complaint c
			""";

	private Complaint complaint(long id) {
		return this.jdbc.sql(COMPLAINT_SELECT + " WHERE c.id = :id")
			.param("id", id)
			.query(Disciplines::mapComplaint)
			.optional()
			.orElseThrow(() -> new NotFoundException("complaint " + id));
	}

	private static Complaint mapComplaint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String outcome = rs.getString(7);
		String reduced = rs.getString(8);
		return new Complaint(rs.getLong(1), rs.getLong(2), rs.getString(3), DecidingBody.valueOf(rs.getString(4)),
				rs.getObject(5, LocalDate.class), rs.getString(6),
				outcome == null ? null : ComplaintOutcome.valueOf(outcome),
				reduced == null ? null : DisciplineForm.valueOf(reduced), rs.getObject(9, LocalDate.class),
				rs.getString(10), rs.getBoolean(11), rs.getLong(12), rs.getString(13));
	}

	/** Whether {@code org} sits strictly below {@code ancestorId} on the date. */
	private boolean isBelow(Organization org, long ancestorId, LocalDate date) {
		Set<Long> seen = new HashSet<>();
		Long parent = org.parentId();
		while (parent != null && seen.add(parent)) {
			if (parent == ancestorId) {
				return true;
			}
			parent = this.tree.find(CurrentUser.system(), parent, date).map(Organization::parentId).orElse(null);
		}
		return false;
	}

	/**
	 * Within one organisation a complaint goes from its inspection committee to the
	 * standing or full committee, and from the standing committee to the full committee.
	 */
	private static boolean higherBodyOfSameOrganization(DecidingBody decided, DecidingBody handler) {
		Set<DecidingBody> above = switch (decided) {
			case UPPER_INSPECTION -> EnumSet.of(DecidingBody.UPPER_STANDING, DecidingBody.UPPER_COMMITTEE);
			case UPPER_STANDING -> EnumSet.of(DecidingBody.UPPER_COMMITTEE);
			case GRASSROOTS_STANDING -> EnumSet.of(DecidingBody.GRASSROOTS_COMMITTEE);
			default -> EnumSet.noneOf(DecidingBody.class);
		};
		return above.contains(handler);
	}

	/**
	 * The caller as a register editor for the one status change the decision orders: the
	 * decision, not the caller's role, is the authority for ending the membership.
	 */
	private static CurrentUser registerEditor(CurrentUser user) {
		if (user.editsRegister()) {
			return user;
		}
		Set<Role> roles = EnumSet.copyOf(user.roles());
		roles.add(Role.ORGANIZATION_BOARD);
		return new CurrentUser(user.id(), user.username(), user.displayName(), roles, user.scopeRoots(), user.global(),
				user.clearance());
	}

}
