package vn.capuy.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.MemberRoll;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Inspection and supervision programmes and cases. Cases are confidential: they open only
 * for INSPECTION and LEADER users and for a SECRETARY whose scope contains the handling
 * organisation, every read is audited, and anybody else gets 404. Others in scope see
 * that a programme exists and the conclusions published.
 */
@Service
@Transactional
public class Inspections {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final Members members;

	private final MemberRoll roll;

	private final RuleBook rules;

	private final AuditLog audit;

	private final Today today;

	Inspections(JdbcClient jdbc, OrganizationTree tree, Members members, MemberRoll roll, RuleBook rules,
			AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.members = members;
		this.roll = roll;
		this.rules = rules;
		this.audit = audit;
		this.today = today;
	}

	/** A case as its page and the API show it. */
	public record Case(long id, long handlingOrganizationId, String handlingOrganizationName, DecidingBody body,
			CaseKind kind, Long subjectMemberId, Long subjectOrganizationId, String subject, String content,
			CaseStage stage, LocalDate openedOn, String decisionRef, String conclusion, boolean conclusionPublished,
			Long programmeItemId, int version) {
	}

	/** One dated step of a case: what was done, by whom. */
	public record Step(CaseStage stage, LocalDate onDate, String documentRef, String note, String actor) {
	}

	/** An attachment's description (its bytes are read separately). */
	public record Attachment(long id, String fileName, String contentType, String uploadedBy, long size) {
	}

	/** A published conclusion, as anybody in scope sees it. */
	public record PublishedConclusion(long caseId, String organizationName, CaseKind kind, String subject,
			LocalDate notifiedOn, String conclusion) {
	}

	/** What opening a case takes. */
	public record NewCase(long handlingOrganizationId, DecidingBody body, CaseKind kind, Long subjectMemberId,
			Long subjectOrganizationId, String content, LocalDate openedOn, String decisionRef, Long programmeItemId) {
	}

	// ----- access -----

	/** Whether the user may open case files of an organisation at all. */
	public boolean mayOpen(CurrentUser user, long handlingOrganizationId) {
		if (!(user.has(Role.INSPECTION) || user.has(Role.LEADER) || user.has(Role.SECRETARY))) {
			return false;
		}
		return this.tree.visibleEver(user, handlingOrganizationId);
	}

	/** INSPECTION and LEADER users see the lists of cases. */
	public static boolean privileged(CurrentUser user) {
		return user.has(Role.INSPECTION) || user.has(Role.LEADER);
	}

	void requireOpen(CurrentUser user, long handlingOrganizationId, String what) {
		if (!mayOpen(user, handlingOrganizationId)) {
			throw new NotFoundException(what);
		}
	}

	// ----- cases -----

	private static final String CASE_SELECT = """
			SELECT c.*, (SELECT n.name FROM organization_name n WHERE n.organization_id = c.handling_organization_id
			  ORDER BY (n.valid_from <= c.opened_on) DESC, n.valid_from DESC LIMIT 1) AS org_name
			FROM inspection_case c
			""";

	/**
	 * The cases opened in a year whose handling organisation the caller may ever see;
	 * INSPECTION and LEADER only (404 for everyone else). The read is audited.
	 */
	public List<Case> list(CurrentUser user, int year, Long organizationId) {
		if (!privileged(user)) {
			throw new NotFoundException("cases");
		}
		if (organizationId != null && !this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		List<Case> cases = this.jdbc.sql(CASE_SELECT + """
				WHERE c.opened_on >= :from AND c.opened_on < :to
				  AND c.handling_organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
				  AND (CAST(:org AS bigint) IS NULL OR c.handling_organization_id IN (
				    SELECT cl.descendant_id FROM organization_closure cl WHERE cl.ancestor_id = :org))
				ORDER BY c.opened_on, c.id
				""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("org", organizationId)
			.query(Inspections::mapCase)
			.list();
		this.audit.record(user.username(), "READ", "inspection_case_list", year, null,
				Map.of("organizationId", String.valueOf(organizationId), "ids", cases.stream().map(Case::id).toList()));
		return cases;
	}

	/** One case, for those who may open it; audited. */
	public Case get(CurrentUser user, long id) {
		Case c = require(user, id);
		this.audit.record(user.username(), "READ", "inspection_case", id, null, null);
		return c;
	}

	/**
	 * One case, for those who may open it, without recording a read (for the parts of a
	 * case read together with it: steps, attachments, decisions).
	 */
	Case require(CurrentUser user, long id) {
		Case c = find(id).orElseThrow(() -> new NotFoundException("case " + id));
		requireOpen(user, c.handlingOrganizationId(), "case " + id);
		return c;
	}

	java.util.Optional<Case> find(long id) {
		return this.jdbc.sql(CASE_SELECT + " WHERE c.id = :id").param("id", id).query(Inspections::mapCase).optional();
	}

	public List<Step> steps(CurrentUser user, long caseId) {
		require(user, caseId);
		return this.jdbc.sql("""
				SELECT stage, on_date, document_ref, note, actor FROM inspection_case_step WHERE case_id = :id
				ORDER BY on_date, id
				""")
			.param("id", caseId)
			.query((rs, n) -> new Step(CaseStage.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** Opens a case at its decision stage; one transaction, audited. */
	public long open(CurrentUser user, NewCase in) {
		required("handlingOrganizationId", in.handlingOrganizationId() == 0 ? null : in.handlingOrganizationId());
		required("body", in.body());
		required("kind", in.kind());
		required("openedOn", in.openedOn());
		String ref = required("decisionRef", blank(in.decisionRef()));
		String content = required("content", blank(in.content()));
		if (in.openedOn().isAfter(this.today.date())) {
			throw new InvalidInputException("openedOn", "error.date.future");
		}
		Organization org = this.tree.find(user, in.handlingOrganizationId(), in.openedOn())
			.orElseThrow(() -> new NotFoundException("organization " + in.handlingOrganizationId()));
		requireOpen(user, org.id(), "organization " + org.id());
		if (!in.body().belongsTo(org.type())) {
			throw new InvalidInputException("decidingBody", "error.inspection.body-type", in.body(), org.type());
		}
		String subject = subjectName(user, in.subjectMemberId(), in.subjectOrganizationId());
		long id = this.jdbc.sql("""
				INSERT INTO inspection_case (handling_organization_id, body, kind, subject_member_id,
				  subject_organization_id, subject_name, content, programme_item_id, stage, opened_on, decision_ref)
				VALUES (:org, :body, :kind, :member, :subjectOrg, :subject, :content, :item, 'DECISION', :opened, :ref)
				RETURNING id
				""")
			.param("org", org.id())
			.param("body", in.body().name())
			.param("kind", in.kind().name())
			.param("member", in.subjectMemberId())
			.param("subjectOrg", in.subjectOrganizationId())
			.param("subject", subject)
			.param("content", VietnameseText.clean(content))
			.param("item", in.programmeItemId())
			.param("opened", in.openedOn())
			.param("ref", ref)
			.query(Long.class)
			.single();
		step(id, CaseStage.DECISION, in.openedOn(), ref, null, user.username());
		this.audit.record(user.username(), "OPEN", "inspection_case", id, null, in);
		return id;
	}

	/**
	 * Moves a case to a later stage on a date (never back, never before the last step,
	 * never in the future); the conclusion is required from the draft conclusion on, and
	 * may be published when notified. Follow-up notes may repeat.
	 */
	public void advance(CurrentUser user, long id, CaseStage stage, LocalDate date, String documentRef, String note,
			String conclusion, boolean publish) {
		Case c = get(user, id);
		required("stage", stage);
		required("date", date);
		if (date.isAfter(this.today.date())) {
			throw new InvalidInputException("date", "error.date.future");
		}
		boolean repeat = stage == CaseStage.FOLLOW_UP && c.stage() == CaseStage.FOLLOW_UP;
		if (stage.ordinal() <= c.stage().ordinal() && !repeat) {
			throw new RuleViolationException("error.inspection.stage-order", c.stage(), stage);
		}
		LocalDate last = this.jdbc.sql("SELECT max(on_date) FROM inspection_case_step WHERE case_id = :id")
			.param("id", id)
			.query(LocalDate.class)
			.single();
		if (last != null && date.isBefore(last)) {
			throw new InvalidInputException("date", "error.inspection.step-before", last);
		}
		String text = blank(conclusion) == null ? c.conclusion() : VietnameseText.clean(conclusion.strip());
		if (stage.ordinal() >= CaseStage.DRAFT_CONCLUSION.ordinal() && text == null) {
			throw new InvalidInputException("conclusion", "error.required");
		}
		boolean published = c.conclusionPublished()
				|| (publish && stage.ordinal() >= CaseStage.CONCLUSION_NOTIFIED.ordinal());
		this.jdbc.sql("""
				UPDATE inspection_case SET stage = :stage, conclusion = :conclusion, conclusion_published = :published,
				  closed_on = CASE WHEN :stage = 'CLOSED' THEN CAST(:date AS date) ELSE closed_on END,
				  version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("stage", stage.name())
			.param("conclusion", text)
			.param("published", published)
			.param("date", date)
			.param("id", id)
			.param("version", c.version())
			.update();
		step(id, stage, date, blank(documentRef), blank(note), user.username());
		this.audit.record(user.username(), "ADVANCE", "inspection_case", id, c.stage(), stage);
	}

	public long attach(CurrentUser user, long caseId, String fileName, String contentType, byte[] content) {
		get(user, caseId);
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "error.required");
		}
		String name = required("file", blank(fileName));
		long id = this.jdbc.sql("""
				INSERT INTO inspection_attachment (case_id, file_name, content_type, content, uploaded_by)
				VALUES (:c, :name, :type, :content, :by) RETURNING id
				""")
			.param("c", caseId)
			.param("name", name)
			.param("type", contentType == null ? "application/octet-stream" : contentType)
			.param("content", content)
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ATTACH", "inspection_case", caseId, null, name);
		return id;
	}

	public List<Attachment> attachments(CurrentUser user, long caseId) {
		require(user, caseId);
		return this.jdbc.sql("""
				SELECT id, file_name, content_type, uploaded_by, length(content) FROM inspection_attachment
				WHERE case_id = :c ORDER BY id
				""")
			.param("c", caseId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list();
	}

	/** An attachment's name, type and bytes; audited as a read of its case. */
	public Map.Entry<Attachment, byte[]> attachment(CurrentUser user, long caseId, long attachmentId) {
		get(user, caseId);
		return this.jdbc.sql("""
				SELECT id, file_name, content_type, uploaded_by, length(content), content FROM inspection_attachment
				WHERE case_id = :c AND id = :id
				""")
			.param("c", caseId)
			.param("id", attachmentId)
			.query((rs,
					n) -> Map.entry(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getLong(5)), rs.getBytes(6)))
			.optional()
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
	}

	/** Conclusions published by organisations the caller may see, newest first. */
	@Transactional(readOnly = true)
	public List<PublishedConclusion> published(CurrentUser user, int year) {
		return this.jdbc
			.sql("""
					SELECT c.id, (SELECT n.name FROM organization_name n WHERE n.organization_id = c.handling_organization_id
					  ORDER BY (n.valid_from <= c.opened_on) DESC, n.valid_from DESC LIMIT 1), c.kind, c.subject_name,
					  (SELECT min(s.on_date) FROM inspection_case_step s WHERE s.case_id = c.id AND s.stage = 'CONCLUSION_NOTIFIED'),
					  c.conclusion
					FROM inspection_case c
					WHERE c.conclusion_published AND c.opened_on >= :from AND c.opened_on < :to
					  AND c.handling_organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
					ORDER BY c.opened_on DESC, c.id DESC
					""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new PublishedConclusion(rs.getLong(1), rs.getString(2), CaseKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6)))
			.list();
	}

	// ----- programmes -----

	/** A programme: who adopted it, for which year, its supervision target. */
	public record Programme(long id, long organizationId, String organizationName, DecidingBody body, int year,
			String title, LocalDate adoptedOn, int supervisionMinPercent, int supervisionMaxPercent) {
	}

	/** One planned inspection or supervision, with the case that carries it out. */
	public record ProgrammeItem(long id, CaseKind kind, Long subjectMemberId, Long subjectOrganizationId,
			String subject, String content, LocalDate plannedFrom, LocalDate plannedTo, String method, Long caseId,
			CaseStage caseStage) {

		public boolean done() {
			return this.caseStage != null && this.caseStage.ordinal() >= CaseStage.CONCLUSION_NOTIFIED.ordinal();
		}

	}

	/**
	 * Progress against the programme on a date: items done, due and overdue, members
	 * under supervision against the target share of the organisation's members.
	 */
	public record Progress(int items, int done, int overdue, int membersSupervised, int members, int targetMin,
			int targetMax, boolean targetMet) {
	}

	/** A period report (half-year, year-end): cases, supervisions and disciplines. */
	public record PeriodReport(LocalDate from, LocalDate to, int inspections, int supervisions, int concluded,
			int disciplines) {
	}

	private static final String PROGRAMME_SELECT = """
			SELECT p.id, p.organization_id, (SELECT n.name FROM organization_name n WHERE n.organization_id = p.organization_id
			  ORDER BY (n.valid_from <= p.adopted_on) DESC, n.valid_from DESC LIMIT 1), p.body, p.year, p.title,
			  p.adopted_on, p.supervision_min_percent, p.supervision_max_percent
			FROM inspection_programme p
			""";

	/**
	 * Adopts a yearly programme; the supervision target defaults to the rule book's share
	 * in force on 1 January.
	 */
	public long adopt(CurrentUser user, long organizationId, DecidingBody body, int year, String title,
			LocalDate adoptedOn, Integer minPercent, Integer maxPercent) {
		required("body", body);
		required("adoptedOn", adoptedOn);
		String name = required("title", blank(title));
		if (year < 1930 || year > this.today.date().getYear() + 1) {
			throw new InvalidInputException("year", "error.inspection.year", year);
		}
		Organization org = this.tree.find(user, organizationId, adoptedOn)
			.orElseThrow(() -> new NotFoundException("organization " + organizationId));
		requireOpen(user, org.id(), "organization " + org.id());
		if (!body.belongsTo(org.type())) {
			throw new InvalidInputException("decidingBody", "error.inspection.body-type", body, org.type());
		}
		LocalDate jan1 = LocalDate.of(year, 1, 1);
		int min = minPercent != null ? minPercent : this.rules.integer("inspection.supervision.min-percent", jan1);
		int max = maxPercent != null ? maxPercent : this.rules.integer("inspection.supervision.max-percent", jan1);
		if (min < 0 || max > 100 || min > max) {
			throw new InvalidInputException("supervisionMinPercent", "error.inspection.target", min, max);
		}
		Boolean exists = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM inspection_programme WHERE organization_id = :o AND body = :b AND year = :y
				  AND closed_on IS NULL)
				""").param("o", organizationId).param("b", body.name()).param("y", year).query(Boolean.class).single();
		if (exists) {
			throw new RuleViolationException("error.inspection.programme-exists", year);
		}
		long id = this.jdbc
			.sql("""
					INSERT INTO inspection_programme (organization_id, body, year, title, adopted_on, supervision_min_percent,
					  supervision_max_percent, created_by)
					VALUES (:o, :b, :y, :t, :a, :min, :max, :by) RETURNING id
					""")
			.param("o", organizationId)
			.param("b", body.name())
			.param("y", year)
			.param("t", VietnameseText.clean(name))
			.param("a", adoptedOn)
			.param("min", min)
			.param("max", max)
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ADOPT", "inspection_programme", id, null,
				Map.of("organizationId", organizationId, "year", year, "title", name));
		return id;
	}

	public long addItem(CurrentUser user, long programmeId, CaseKind kind, Long memberId, Long organizationId,
			String content, LocalDate from, LocalDate to, String method) {
		Programme p = programme(user, programmeId);
		requireOpen(user, p.organizationId(), "programme " + programmeId);
		required("kind", kind);
		required("plannedFrom", from);
		required("plannedTo", to);
		if (to.isBefore(from)) {
			throw new InvalidInputException("plannedTo", "error.inspection.period");
		}
		if (from.getYear() != p.year() && to.getYear() != p.year()) {
			throw new InvalidInputException("plannedFrom", "error.inspection.item-year", p.year());
		}
		String subject = subjectName(user, memberId, organizationId);
		long id = this.jdbc.sql("""
				INSERT INTO inspection_programme_item (programme_id, kind, subject_member_id, subject_organization_id,
				  subject_name, content, planned_from, planned_to, method)
				VALUES (:p, :k, :m, :o, :s, :c, :f, :t, :method) RETURNING id
				""")
			.param("p", programmeId)
			.param("k", kind.name())
			.param("m", memberId)
			.param("o", organizationId)
			.param("s", subject)
			.param("c", VietnameseText.clean(required("content", blank(content))))
			.param("f", from)
			.param("t", to)
			.param("method", VietnameseText.clean(required("method", blank(method))))
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "PLAN", "inspection_programme", programmeId, null, subject);
		return id;
	}

	/**
	 * Programmes of organisations in the caller's scope (their existence is not secret).
	 */
	@Transactional(readOnly = true)
	public List<Programme> programmes(CurrentUser user, int year) {
		return this.jdbc.sql(PROGRAMME_SELECT + """
				WHERE p.year = :y AND p.closed_on IS NULL
				  AND p.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
				ORDER BY p.organization_id, p.body
				""")
			.param("y", year)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Inspections::mapProgramme)
			.list();
	}

	@Transactional(readOnly = true)
	public Programme programme(CurrentUser user, long id) {
		Programme p = this.jdbc.sql(PROGRAMME_SELECT + " WHERE p.id = :id")
			.param("id", id)
			.query(Inspections::mapProgramme)
			.optional()
			.orElseThrow(() -> new NotFoundException("programme " + id));
		if (!this.tree.visibleEver(user, p.organizationId())) {
			throw new NotFoundException("programme " + id);
		}
		return p;
	}

	/** The programme's items (its subjects are confidential), audited. */
	public List<ProgrammeItem> items(CurrentUser user, long programmeId) {
		Programme p = programme(user, programmeId);
		requireOpen(user, p.organizationId(), "programme " + programmeId);
		this.audit.record(user.username(), "READ", "inspection_programme", programmeId, null, null);
		return this.jdbc.sql("""
				SELECT i.id, i.kind, i.subject_member_id, i.subject_organization_id, i.subject_name, i.content,
				       i.planned_from, i.planned_to, i.method,
				       (SELECT c.id FROM inspection_case c WHERE c.programme_item_id = i.id ORDER BY c.id LIMIT 1),
				       (SELECT c.stage FROM inspection_case c WHERE c.programme_item_id = i.id ORDER BY c.id LIMIT 1)
				FROM inspection_programme_item i WHERE i.programme_id = :p ORDER BY i.planned_from, i.id
				""")
			.param("p", programmeId)
			.query((rs, n) -> new ProgrammeItem(rs.getLong(1), CaseKind.valueOf(rs.getString(2)),
					(Long) rs.getObject(3), (Long) rs.getObject(4), rs.getString(5), rs.getString(6),
					rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
					(Long) rs.getObject(10), rs.getString(11) == null ? null : CaseStage.valueOf(rs.getString(11))))
			.list();
	}

	/** Progress on the date against the programme and its supervision target. */
	public Progress progress(CurrentUser user, long programmeId, LocalDate on) {
		Programme p = programme(user, programmeId);
		List<ProgrammeItem> items = items(user, programmeId);
		int done = (int) items.stream().filter(ProgrammeItem::done).count();
		int overdue = (int) items.stream().filter((i) -> !i.done() && i.plannedTo().isBefore(on)).count();
		LocalDate counted = on.getYear() == p.year() ? on : LocalDate.of(p.year(), 12, 31);
		List<MemberRoll.Entry> roll = this.roll.on(CurrentUser.system().scope(), p.organizationId(), counted);
		Set<Long> ids = roll.stream().map(MemberRoll.Entry::memberId).collect(Collectors.toSet());
		int supervised = (int) items.stream()
			.filter((i) -> i.kind().supervision() && i.subjectMemberId() != null && ids.contains(i.subjectMemberId()))
			.map(ProgrammeItem::subjectMemberId)
			.distinct()
			.count();
		int members = ids.size();
		boolean met = members == 0 || supervised * 100 >= p.supervisionMinPercent() * members;
		return new Progress(items.size(), done, overdue, supervised, members, p.supervisionMinPercent(),
				p.supervisionMaxPercent(), met);
	}

	/**
	 * Half-year or year-end report of an organisation's subtree: cases opened,
	 * supervisions, conclusions notified, disciplines decided within the period.
	 */
	public PeriodReport report(CurrentUser user, long organizationId, LocalDate from, LocalDate to) {
		requireOpen(user, organizationId, "organization " + organizationId);
		this.audit.record(user.username(), "READ", "inspection_report", organizationId, null,
				Map.of("from", from.toString(), "to", to.toString()));
		return figures(organizationId, from, to);
	}

	PeriodReport figures(long organizationId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("""
					WITH orgs AS (SELECT DISTINCT descendant_id AS id FROM organization_closure WHERE ancestor_id = :org)
					SELECT
					  (SELECT count(*) FROM inspection_case c WHERE c.handling_organization_id IN (SELECT id FROM orgs)
					     AND c.opened_on BETWEEN :from AND :to
					     AND c.kind NOT IN ('REGULAR_SUPERVISION', 'THEMATIC_SUPERVISION')),
					  (SELECT count(*) FROM inspection_case c WHERE c.handling_organization_id IN (SELECT id FROM orgs)
					     AND c.opened_on BETWEEN :from AND :to
					     AND c.kind IN ('REGULAR_SUPERVISION', 'THEMATIC_SUPERVISION')),
					  (SELECT count(DISTINCT s.case_id) FROM inspection_case_step s JOIN inspection_case c ON c.id = s.case_id
					     WHERE c.handling_organization_id IN (SELECT id FROM orgs) AND s.stage = 'CONCLUSION_NOTIFIED'
					     AND s.on_date BETWEEN :from AND :to),
					  (SELECT count(*) FROM discipline_decision d WHERE d.deciding_organization_id IN (SELECT id FROM orgs)
					     AND d.decision_date BETWEEN :from AND :to AND d.status <> 'ANNULLED')
					""")
			.param("org", organizationId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new PeriodReport(from, to, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
	}

	// ----- helpers -----

	String subjectName(CurrentUser user, Long memberId, Long organizationId) {
		if ((memberId == null) == (organizationId == null)) {
			throw new InvalidInputException("subject", "error.inspection.subject-one");
		}
		if (memberId != null) {
			if (!this.members.visible(user, memberId)) {
				throw new InvalidInputException("subjectMemberId", "error.inspection.subject-not-found");
			}
			return this.members.get(CurrentUser.system(), memberId).record().fullName();
		}
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new InvalidInputException("subjectOrganizationId", "error.inspection.subject-not-found");
		}
		return this.tree.getLatestVisible(CurrentUser.system(), organizationId).name();
	}

	private void step(long caseId, CaseStage stage, LocalDate date, String ref, String note, String actor) {
		this.jdbc.sql("""
				INSERT INTO inspection_case_step (case_id, stage, on_date, document_ref, note, actor)
				VALUES (:c, :s, :d, :ref, :note, :actor)
				""")
			.param("c", caseId)
			.param("s", stage.name())
			.param("d", date)
			.param("ref", ref)
			.param("note", note == null ? null : VietnameseText.clean(note))
			.param("actor", actor)
			.update();
	}

	private static Case mapCase(ResultSet rs, int n) throws SQLException {
		return new Case(rs.getLong("id"), rs.getLong("handling_organization_id"), rs.getString("org_name"),
				DecidingBody.valueOf(rs.getString("body")), CaseKind.valueOf(rs.getString("kind")),
				(Long) rs.getObject("subject_member_id"), (Long) rs.getObject("subject_organization_id"),
				rs.getString("subject_name"), rs.getString("content"), CaseStage.valueOf(rs.getString("stage")),
				rs.getObject("opened_on", LocalDate.class), rs.getString("decision_ref"), rs.getString("conclusion"),
				rs.getBoolean("conclusion_published"), (Long) rs.getObject("programme_item_id"), rs.getInt("version"));
	}

	private static Programme mapProgramme(ResultSet rs, int n) throws SQLException {
		return new Programme(rs.getLong(1), rs.getLong(2), rs.getString(3), DecidingBody.valueOf(rs.getString(4)),
				rs.getInt(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getInt(9));
	}

	static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, "error.required");
		}
		return value;
	}

	static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
