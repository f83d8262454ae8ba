package vn.capuy.grading;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Review campaigns and their workflow: opening a campaign for a period (who is reviewed,
 * which form, the deadlines), self-assessment, the proposal, the decision with its
 * conditions and quota, publication. Every write is one transaction, audited; every read
 * is limited in SQL to the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class GradingCampaigns {

	static final String CAMPAIGN = """
			SELECT c.id, c.root_organization_id,
			       (SELECT n.name FROM organization_name n WHERE n.organization_id = c.root_organization_id
			        ORDER BY (n.valid_from <= c.period_to) DESC, n.valid_from DESC LIMIT 1) AS root_name,
			       c.period_kind, c.period_from, c.period_to, c.title, c.rules_on, c.opened_on, c.self_deadline,
			       c.appraisal_deadline, c.decision_deadline, c.status, c.published_on, c.version
			FROM grading_campaign c
			""";

	/**
	 * A campaign the caller sees: its root or one of its reviewed organisations is in
	 * scope.
	 */
	static final String CAMPAIGN_VISIBLE = """
			(c.root_organization_id IN (SELECT id FROM organization_visible(:roots, :global, c.period_to))
			 OR EXISTS (SELECT 1 FROM grading_review r WHERE r.campaign_id = c.id
			            AND r.organization_id IN (SELECT id FROM organization_visible(:roots, :global, c.period_to))))
			""";

	static final String REVIEW = """
			SELECT r.id, r.campaign_id, r.subject_kind, r.collective, r.organization_id, r.member_id, r.subject_name,
			       r.organization_name, r.deciding_organization_id, r.form, r.leads_organization_id, r.step,
			       r.self_score, r.self_grade, r.proposed_score, r.proposed_grade, r.proposed_reason, r.decided_grade,
			       r.decided_on, r.decision_reason, r.quota_exception_reason, r.tasks_total, r.tasks_on_time,
			       r.tasks_exceeding, r.tasks_late, r.tasks_not_done, r.disciplined_leadership,
			       r.disciplined_subordinates, r.shortcomings_open, r.violated_standards, r.residence_comment, r.version,
			       r.known_on, r.known_held, r.known_attended, r.known_unexcused, r.known_tasks_total,
			       r.known_tasks_on_time, r.known_tasks_late, r.known_tasks_not_done, r.known_disciplined
			FROM grading_review r
			""";

	private static final Set<OrganizationType> REVIEWED_TYPES = EnumSet.of(OrganizationType.DANG_BO_CO_SO,
			OrganizationType.CHI_BO_CO_SO, OrganizationType.DANG_BO_BO_PHAN, OrganizationType.CHI_BO_TRUC_THUOC);

	private static final int ROSTER_PAGE = 50_000;

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	private final OrganizationTree tree;

	private final Members members;

	private final AuditLog audit;

	private final Today today;

	private final HoChiMinhStudy study;

	private final Messages messages;

	private final Inputs inputs;

	GradingCampaigns(JdbcClient jdbc, RuleBook rules, WorkingDayCalendar calendar, OrganizationTree tree,
			Members members, AuditLog audit, Today today, HoChiMinhStudy study, Messages messages, Inputs inputs) {
		this.messages = messages;
		this.inputs = inputs;
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.tree = tree;
		this.members = members;
		this.audit = audit;
		this.today = today;
		this.study = study;
	}

	/**
	 * The rules that apply to a campaign: those in force on the last day of its period.
	 */
	public GradingRules rulesOf(Campaign campaign) {
		return GradingRules.on(this.rules, campaign.rulesOn());
	}

	public GradingRules rulesOn(LocalDate date) {
		return GradingRules.on(this.rules, date);
	}

	// ---------------------------------------------------------------- campaigns

	/** What opening a campaign asks. */
	public record NewCampaign(Long rootOrganizationId, PeriodKind periodKind, LocalDate periodFrom, LocalDate periodTo,
			String title, boolean standingCommittees, LocalDate openedOn) {
	}

	/**
	 * How many subjects a new campaign reviews, and how many exempt members it leaves
	 * out.
	 */
	public record Opened(long id, int organizations, int members, int exemptLeftOut) {
	}

	/**
	 * Opens a campaign for a period under the organisation: every grassroots
	 * organisation, intermediate committee and cell below it (with its committee as a
	 * leadership collective), and every member in it at the end of the period except
	 * those exempt from activities, who are never graded.
	 */
	@Transactional
	public Opened open(CurrentUser user, NewCampaign c) {
		requireOrganizer(user);
		if (c.rootOrganizationId() == null) {
			throw new InvalidInputException("rootOrganizationId", "error.required");
		}
		PeriodKind kind = c.periodKind() == null ? PeriodKind.YEAR : c.periodKind();
		LocalDate from = c.periodFrom();
		LocalDate to = c.periodTo();
		if (kind == PeriodKind.YEAR && from != null && to == null) {
			to = LocalDate.of(from.getYear(), 12, 31);
		}
		if (from == null) {
			throw new InvalidInputException("periodFrom", "error.required");
		}
		if (to == null) {
			throw new InvalidInputException("periodTo", "error.required");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("periodTo", "grading.error.period-order");
		}
		GradingRules r = GradingRules.on(this.rules, to);
		if (!r.periodKinds().contains(kind)) {
			throw new RuleViolationException("grading.error.period-kind", kind.name(),
					this.rules.require("grading.period-kinds", to).sourceDocument());
		}
		Organization root = this.tree.get(user, c.rootOrganizationId(), to);
		LocalDate opened = c.openedOn() != null ? c.openedOn() : this.today.date();
		LocalDate self = this.calendar.addWorkingDays(opened, r.selfDays());
		LocalDate appraisal = this.calendar.addWorkingDays(self, r.appraisalDays());
		LocalDate decision = this.calendar.addWorkingDays(appraisal, r.decisionDays());
		String title = c.title() == null || c.title().isBlank() ? root.name() + " " + from.getYear()
				: c.title().strip();
		long id = this.jdbc
			.sql("""
					INSERT INTO grading_campaign (root_organization_id, period_kind, period_from, period_to, title, rules_on,
					  opened_on, self_deadline, appraisal_deadline, decision_deadline, created_by)
					VALUES (:root, :kind, :from, :to, :title, :rulesOn, :opened, :self, :appraisal, :decision, :actor)
					RETURNING id
					""")
			.param("root", root.id())
			.param("kind", kind.name())
			.param("from", from)
			.param("to", to)
			.param("title", title)
			.param("rulesOn", to)
			.param("opened", opened)
			.param("self", self)
			.param("appraisal", appraisal)
			.param("decision", decision)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		Map<Long, Organization> orgs = new HashMap<>();
		for (Organization o : this.tree.list(user, to)) {
			orgs.put(o.id(), o);
		}
		List<MapSqlParameterSource> rows = new ArrayList<>();
		int organizations = 0;
		for (Organization o : orgs.values()) {
			if (!REVIEWED_TYPES.contains(o.type()) || !under(orgs, o.id(), root.id()) || o.parentId() == null) {
				continue;
			}
			rows.add(row(id, Collective.ORGANIZATION, o, null, o.name(), o.parentId(), ReviewForm.MAU_01));
			organizations++;
			if (o.type() == OrganizationType.DANG_BO_CO_SO || o.type() == OrganizationType.DANG_BO_BO_PHAN) {
				rows.add(row(id, Collective.COMMITTEE, o, null, o.name(), o.parentId(), ReviewForm.MAU_01));
				organizations++;
				if (c.standingCommittees() && o.type() == OrganizationType.DANG_BO_CO_SO) {
					rows.add(
							row(id, Collective.STANDING_COMMITTEE, o, null, o.name(), o.parentId(), ReviewForm.MAU_01));
					organizations++;
				}
			}
		}
		int memberCount = 0;
		int exempt = 0;
		int page = 0;
		while (true) {
			// one page for the whole roster: each page of the register's search counts
			// and
			// sorts every member again, so small pages cost a sort each
			var list = this.members.search(user, new Members.Query(null, root.id(), null, to, page, ROSTER_PAGE));
			for (MemberListItem m : list.items()) {
				if (m.status() == MemberStatus.EXEMPT) {
					exempt++;
					continue;
				}
				Organization cell = orgs.get(m.organizationId());
				if (cell == null) {
					continue;
				}
				rows.add(row(id, null, cell, m.id(), m.fullName(), decidingForMember(orgs, cell).id(),
						ReviewForm.MAU_2B));
				memberCount++;
			}
			if (!list.hasNext()) {
				break;
			}
			page++;
		}
		insertReviews(rows);
		Opened result = new Opened(id, organizations, memberCount, exempt);
		this.audit.record(user.username(), "OPEN", "grading_campaign", id, null,
				Map.of("root", root.id(), "kind", kind, "from", from, "to", to, "counts", result));
		return result;
	}

	/** Inserts the roster in one statement (one round trip, however many members). */
	private void insertReviews(List<MapSqlParameterSource> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO grading_review (campaign_id, subject_kind, collective, organization_id, member_id,
				  subject_name, organization_name, deciding_organization_id, form)
				SELECT x.campaign, x.kind, x.collective, x.org, x.member, x.subject, x.org_name, x.deciding, x.form
				FROM unnest(:campaign, :kind, :collective, :org, :member, :subject, :orgName, :deciding, :form)
				  AS x(campaign, kind, collective, org, member, subject, org_name, deciding, form)
				""")
			.param("campaign", column(rows, "campaign", Long.class))
			.param("kind", column(rows, "kind", String.class))
			.param("collective", column(rows, "collective", String.class))
			.param("org", column(rows, "org", Long.class))
			.param("member", column(rows, "member", Long.class))
			.param("subject", column(rows, "subject", String.class))
			.param("orgName", column(rows, "orgName", String.class))
			.param("deciding", column(rows, "deciding", Long.class))
			.param("form", column(rows, "form", String.class))
			.update();
	}

	private static String[] strings(List<MapSqlParameterSource> rows, String name) {
		return rows.stream()
			.map((r) -> r.getValue(name))
			.map((v) -> v == null ? null : v.toString())
			.toArray(String[]::new);
	}

	@SuppressWarnings("unchecked")
	private static <T> T[] column(List<MapSqlParameterSource> rows, String name, Class<T> type) {
		T[] values = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Object v = rows.get(i).getValue(name);
			values[i] = v == null ? null
					: type.cast(v instanceof Number n && type == Long.class ? Long.valueOf(n.longValue()) : v);
		}
		return values;
	}

	private static MapSqlParameterSource row(long campaign, Collective collective, Organization org, Long member,
			String subject, long deciding, ReviewForm form) {
		return new MapSqlParameterSource().addValue("campaign", campaign)
			.addValue("kind", member == null ? Review.ORGANIZATION : Review.MEMBER)
			.addValue("collective", collective == null ? null : collective.name())
			.addValue("org", org.id())
			.addValue("member", member)
			.addValue("subject", subject)
			.addValue("orgName", org.name())
			.addValue("deciding", deciding)
			.addValue("form", form.name());
	}

	private static boolean under(Map<Long, Organization> orgs, long id, long root) {
		Organization o = orgs.get(id);
		int guard = 0;
		while (o != null && o.parentId() != null && guard++ < 50) {
			if (o.parentId() == root) {
				return true;
			}
			o = orgs.get(o.parentId());
		}
		return false;
	}

	/** A member is decided by their grassroots committee (the grassroots cell itself). */
	static Organization decidingForMember(Map<Long, Organization> orgs, Organization cell) {
		Organization o = cell;
		int guard = 0;
		while (o != null && guard++ < 50) {
			if (o.type().isGrassroots()) {
				return o;
			}
			o = o.parentId() == null ? null : orgs.get(o.parentId());
		}
		return cell;
	}

	/** Campaigns the caller sees, newest period first. */
	public List<Campaign> campaigns(CurrentUser user) {
		return this.jdbc.sql(CAMPAIGN + " WHERE " + CAMPAIGN_VISIBLE + " ORDER BY c.period_to DESC, c.id DESC")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(GradingCampaigns::mapCampaign)
			.list();
	}

	/** One campaign, or 404 when it does not exist or the caller sees none of it. */
	public Campaign campaign(CurrentUser user, long id) {
		return this.jdbc.sql(CAMPAIGN + " WHERE c.id = :id AND " + CAMPAIGN_VISIBLE)
			.param("id", id)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(GradingCampaigns::mapCampaign)
			.optional()
			.orElseThrow(() -> new NotFoundException("campaign " + id));
	}

	// ---------------------------------------------------------------- reviews

	/**
	 * Reviews of a campaign the caller sees, optionally those one organisation decides,
	 * of one kind (MEMBER, ORGANIZATION), in the subtree of an organisation.
	 */
	public List<Review> reviews(CurrentUser user, long campaignId, Long decidingOrganizationId, String subjectKind,
			Long organizationId) {
		Campaign c = campaign(user, campaignId);
		StringBuilder sql = new StringBuilder(REVIEW).append("""
				WHERE r.campaign_id = :c
				  AND r.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				""");
		Map<String, Object> params = new HashMap<>();
		params.put("c", campaignId);
		params.put("roots", user.scopeRootArray());
		params.put("global", user.global());
		params.put("d", c.periodTo());
		if (decidingOrganizationId != null) {
			sql.append(" AND r.deciding_organization_id = :deciding");
			params.put("deciding", decidingOrganizationId);
		}
		if (subjectKind != null) {
			sql.append(" AND r.subject_kind = :kind");
			params.put("kind", subjectKind);
		}
		if (organizationId != null) {
			sql.append(
					"""
							 AND r.organization_id IN (SELECT cl.descendant_id FROM organization_closure cl
							   WHERE cl.ancestor_id = :org AND cl.valid_from <= :d AND (cl.valid_to IS NULL OR cl.valid_to > :d))
							""");
			params.put("org", organizationId);
		}
		sql.append(
				" ORDER BY r.subject_kind DESC, r.organization_name COLLATE vi_vn, r.subject_name COLLATE vi_vn, r.id");
		return this.jdbc.sql(sql.toString()).params(params).query(GradingCampaigns::mapReview).list();
	}

	/** One review the caller sees, or 404. */
	public Review review(CurrentUser user, long id) {
		Review r = this.jdbc.sql(REVIEW + " WHERE r.id = :id")
			.param("id", id)
			.query(GradingCampaigns::mapReview)
			.optional()
			.orElseThrow(() -> new NotFoundException("review " + id));
		Campaign c = campaign(user, r.campaignId());
		boolean visible = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM organization_visible(:roots, :global, :d) v WHERE v.id = :org)")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("d", c.periodTo())
			.param("org", r.organizationId())
			.query(Boolean.class)
			.single();
		if (!visible) {
			throw new NotFoundException("review " + id);
		}
		return r;
	}

	/** A dated step of a review. */
	public record StepEntry(Step step, Grade grade, BigDecimal score, LocalDate onDate, String actor, String reason) {
	}

	public List<StepEntry> steps(CurrentUser user, long reviewId) {
		review(user, reviewId);
		return this.jdbc.sql("""
				SELECT step, grade, score, on_date, actor, reason FROM grading_step WHERE review_id = :id ORDER BY id
				""")
			.param("id", reviewId)
			.query((rs, n) -> new StepEntry(Step.valueOf(rs.getString(1)), grade(rs.getString(2)), rs.getBigDecimal(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * What a self-assessment or a proposal says: the score (or the points of each
	 * criterion), the grade chosen (the highest allowed when empty), the tasks of the
	 * period, the collective's discipline and shortcomings, the form, the unit a leader
	 * leads, the residence committee's comment, the reason for a changed grade.
	 */
	public record Assessment(BigDecimal score, Map<String, BigDecimal> criteria, Grade grade, Integer tasksTotal,
			Integer tasksOnTime, Integer tasksExceeding, Integer tasksLate, Integer tasksNotDone,
			Integer disciplinedLeadership, Integer disciplinedSubordinates, Integer shortcomingsOpen,
			Boolean violatedStandards, ReviewForm form, Long leadsOrganizationId, String residenceComment,
			String reason, LocalDate on) {

		public static Assessment score(BigDecimal score, Grade grade, String reason) {
			return new Assessment(score, null, grade, null, null, null, null, null, null, null, null, null, null, null,
					null, reason, null);
		}

		public Assessment withTasks(int total, int onTime, int exceeding, int late, int notDone) {
			return new Assessment(this.score, this.criteria, this.grade, total, onTime, exceeding, late, notDone,
					this.disciplinedLeadership, this.disciplinedSubordinates, this.shortcomingsOpen,
					this.violatedStandards, this.form, this.leadsOrganizationId, this.residenceComment, this.reason,
					this.on);
		}

		public Assessment withDiscipline(int leadership, int subordinates, int shortcomings) {
			return new Assessment(this.score, this.criteria, this.grade, this.tasksTotal, this.tasksOnTime,
					this.tasksExceeding, this.tasksLate, this.tasksNotDone, leadership, subordinates, shortcomings,
					this.violatedStandards, this.form, this.leadsOrganizationId, this.residenceComment, this.reason,
					this.on);
		}

		public Assessment withLeads(Long organizationId) {
			return new Assessment(this.score, this.criteria, this.grade, this.tasksTotal, this.tasksOnTime,
					this.tasksExceeding, this.tasksLate, this.tasksNotDone, this.disciplinedLeadership,
					this.disciplinedSubordinates, this.shortcomingsOpen, this.violatedStandards, this.form,
					organizationId, this.residenceComment, this.reason, this.on);
		}

		public Assessment withViolatedStandards(boolean violated) {
			return new Assessment(this.score, this.criteria, this.grade, this.tasksTotal, this.tasksOnTime,
					this.tasksExceeding, this.tasksLate, this.tasksNotDone, this.disciplinedLeadership,
					this.disciplinedSubordinates, this.shortcomingsOpen, violated, this.form, this.leadsOrganizationId,
					this.residenceComment, this.reason, this.on);
		}

		public Assessment on(LocalDate date) {
			return new Assessment(this.score, this.criteria, this.grade, this.tasksTotal, this.tasksOnTime,
					this.tasksExceeding, this.tasksLate, this.tasksNotDone, this.disciplinedLeadership,
					this.disciplinedSubordinates, this.shortcomingsOpen, this.violatedStandards, this.form,
					this.leadsOrganizationId, this.residenceComment, this.reason, date);
		}

	}

	/**
	 * The subject's self-assessment (self-review); repeatable until a proposal is made.
	 */
	@Transactional
	public Review selfAssess(CurrentUser user, long reviewId, Assessment a) {
		requireWriter(user);
		Review before = review(user, reviewId);
		if (before.step() != Step.PENDING && before.step() != Step.SELF) {
			throw new RuleViolationException("grading.error.step", before.step().name(), Step.SELF.name());
		}
		Campaign c = campaign(user, before.campaignId());
		requireOpen(c);
		GradingRules r = rulesOf(c);
		Review facts = applyFacts(before, a);
		BigDecimal score = score(user, facts, a, r, c);
		Grade grade = allowed(facts, score, a.grade(), r, c);
		LocalDate on = a.on() != null ? a.on() : this.today.date();
		this.jdbc.sql("""
				UPDATE grading_review SET step = 'SELF', self_score = :score, self_grade = :grade,
				  criteria = CAST(:criteria AS jsonb), version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("score", score)
			.param("grade", grade.name())
			.param("criteria", criteriaJson(a.criteria()))
			.param("id", reviewId)
			.param("version", facts.version())
			.update();
		step(reviewId, Step.SELF, grade, score, on, user.username(), a.reason());
		Review after = review(user, reviewId);
		this.audit.record(user.username(), "SELF_ASSESS", "grading_review", reviewId, before, after);
		return after;
	}

	/**
	 * The proposal: the superior's organisation board appraises an organisation, the cell
	 * proposes a member's grade. A grade that differs from the self-assessment (or an
	 * earlier proposal) needs a reason.
	 */
	@Transactional
	public Review propose(CurrentUser user, long reviewId, Assessment a) {
		requireWriter(user);
		Review before = review(user, reviewId);
		if (before.step() != Step.SELF && before.step() != Step.PROPOSED) {
			throw new RuleViolationException("grading.error.step", before.step().name(), Step.PROPOSED.name());
		}
		Campaign c = campaign(user, before.campaignId());
		requireOpen(c);
		GradingRules r = rulesOf(c);
		Review facts = applyFacts(before, a);
		BigDecimal score = a.score() == null && a.criteria() == null ? before.selfScore() : score(user, facts, a, r, c);
		Grade grade = allowed(facts, score, a.grade(), r, c);
		Grade previous = before.proposedGrade() != null ? before.proposedGrade() : before.selfGrade();
		if (grade != previous && (a.reason() == null || a.reason().isBlank())) {
			throw new InvalidInputException("reason", "grading.error.reason-required", previous.name(), grade.name());
		}
		LocalDate on = a.on() != null ? a.on() : this.today.date();
		this.jdbc.sql("""
				UPDATE grading_review SET step = 'PROPOSED', proposed_score = :score, proposed_grade = :grade,
				  proposed_reason = :reason, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("score", score)
			.param("grade", grade.name())
			.param("reason", blankToNull(a.reason()))
			.param("id", reviewId)
			.param("version", facts.version())
			.update();
		step(reviewId, Step.PROPOSED, grade, score, on, user.username(), blankToNull(a.reason()));
		Review after = review(user, reviewId);
		this.audit.record(user.username(), "PROPOSE", "grading_review", reviewId, before, after);
		return after;
	}

	/**
	 * One grade decided: a review, the grade, the reason when it differs from the
	 * proposal.
	 */
	public record Decision(long reviewId, Grade grade, String reason) {
	}

	/**
	 * A decision of the competent standing committee on several reviews at once, with the
	 * reason for exceeding the quota when it does.
	 */
	public record Decisions(List<Decision> decisions, String quotaExceptionReason, LocalDate on) {
	}

	/**
	 * Decides grades, all or none: each grade within the conditions of the rules in
	 * force, and per deciding organisation and kind the HTXS within the quota
	 * (floor(share × HTT), HTXS not counted among HTT) unless an exception is given with
	 * its reason.
	 */
	@Transactional
	public List<Review> decide(CurrentUser user, long campaignId, Decisions d) {
		requireDecider(user);
		Campaign c = campaign(user, campaignId);
		requireOpen(c);
		if (d.decisions() == null || d.decisions().isEmpty()) {
			throw new InvalidInputException("decisions", "error.required");
		}
		GradingRules r = rulesOf(c);
		LocalDate on = d.on() != null ? d.on() : this.today.date();
		Map<String, Set<Long>> touched = new LinkedHashMap<>();
		List<Review> before = new ArrayList<>();
		for (Decision decision : d.decisions()) {
			if (decision.grade() == null) {
				throw new InvalidInputException("grade", "error.required");
			}
			Review review = review(user, decision.reviewId());
			if (review.campaignId() != campaignId) {
				throw new NotFoundException("review " + decision.reviewId());
			}
			if (review.step() != Step.PROPOSED) {
				throw new RuleViolationException("grading.error.step", review.step().name(), Step.DECIDED.name());
			}
			Grader.Result result = Grader.grade(review.facts(review.proposedScore(), leaderUnitGrade(review)), r);
			if (decision.grade().above(result.ceiling())) {
				Grader.Cap cap = result.caps().isEmpty() ? null : result.caps().get(0);
				throw new RuleViolationException("grading.error.condition", review.subjectName(),
						decision.grade().name(), result.ceiling().name(),
						cap == null ? bandText(r, review.proposedScore()) : describeCap(cap));
			}
			if (decision.grade() != review.proposedGrade()
					&& (decision.reason() == null || decision.reason().isBlank())) {
				throw new InvalidInputException("reason", "grading.error.reason-required",
						review.proposedGrade().name(), decision.grade().name());
			}
			this.jdbc.sql("""
					UPDATE grading_review SET step = 'DECIDED', decided_grade = :grade, decided_on = :on,
					  decision_reason = :reason, version = version + 1
					WHERE id = :id AND version = :version
					""")
				.param("grade", decision.grade().name())
				.param("on", on)
				.param("reason", blankToNull(decision.reason()))
				.param("id", review.id())
				.param("version", review.version())
				.update();
			step(review.id(), Step.DECIDED, decision.grade(), review.proposedScore(), on, user.username(),
					blankToNull(decision.reason()));
			touched.computeIfAbsent(review.subjectKind(), (k) -> new java.util.HashSet<>())
				.add(review.decidingOrganizationId());
			before.add(review);
		}
		for (Map.Entry<String, Set<Long>> entry : touched.entrySet()) {
			for (Long deciding : entry.getValue()) {
				Quota q = quota(campaignId, deciding, entry.getKey(), r, Map.of());
				if (q.htxs() > q.allowed()) {
					if (d.quotaExceptionReason() == null || d.quotaExceptionReason().isBlank()) {
						throw new RuleViolationException("grading.error.quota", q.htxs(), q.allowed(), q.htt(),
								Grader.percent(r.quotaShare()), r.quota().sourceDocument());
					}
					this.jdbc.sql("""
							UPDATE grading_review SET quota_exception_reason = :reason
							WHERE campaign_id = :c AND deciding_organization_id = :deciding AND subject_kind = :kind
							  AND decided_grade = 'HTXS' AND id = ANY(:batch)
							""")
						.param("reason", d.quotaExceptionReason().strip())
						.param("c", campaignId)
						.param("deciding", deciding)
						.param("kind", entry.getKey())
						.param("batch", d.decisions().stream().map(Decision::reviewId).toArray(Long[]::new))
						.update();
				}
			}
		}
		List<Review> after = d.decisions().stream().map((x) -> review(user, x.reviewId())).toList();
		this.audit.record(user.username(), "DECIDE", "grading_campaign", campaignId, before,
				Map.of("decisions", after, "quotaException", String.valueOf(d.quotaExceptionReason())));
		return after;
	}

	/**
	 * Publishes the decided grades; the campaign is published when nothing is left
	 * undecided.
	 */
	@Transactional
	public int publish(CurrentUser user, long campaignId, LocalDate on) {
		requireDecider(user);
		Campaign c = campaign(user, campaignId);
		requireOpen(c);
		LocalDate date = on != null ? on : this.today.date();
		List<Long> ids = this.jdbc.sql("""
				UPDATE grading_review SET step = 'PUBLISHED', version = version + 1
				WHERE campaign_id = :c AND step = 'DECIDED'
				  AND organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				RETURNING id
				""")
			.param("c", campaignId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("d", c.periodTo())
			.query(Long.class)
			.list();
		this.jdbc
			.sql("""
					INSERT INTO grading_step (review_id, step, grade, score, on_date, actor)
					SELECT id, 'PUBLISHED', decided_grade, proposed_score, :on, :actor FROM grading_review WHERE id = ANY(:ids)
					""")
			.param("on", date)
			.param("actor", user.username())
			.param("ids", ids.toArray(Long[]::new))
			.update();
		int left = this.jdbc.sql("SELECT count(*) FROM grading_review WHERE campaign_id = :c AND step <> 'PUBLISHED'")
			.param("c", campaignId)
			.query(Integer.class)
			.single();
		if (left == 0) {
			this.jdbc.sql("""
					UPDATE grading_campaign SET status = 'PUBLISHED', published_on = :on, version = version + 1
					WHERE id = :c
					""").param("on", date).param("c", campaignId).update();
		}
		this.audit.record(user.username(), "PUBLISH", "grading_campaign", campaignId, null,
				Map.of("published", ids.size(), "left", left));
		return ids.size();
	}

	/**
	 * One result of a past campaign recorded from the paper file: the score, the grade
	 * proposed, and the grade decided (null: the decision is still to come).
	 */
	public record Recorded(long reviewId, BigDecimal score, Grade proposed, Grade decided, String reason) {
	}

	/**
	 * Records the results of a campaign from its paper file in one go (self-assessment,
	 * proposal and decision on the given date), with the same conditions as the
	 * step-by-step path: each grade within its band, a reason for a decision that differs
	 * from the proposal, and the quota per deciding organisation unless the exception
	 * reason is given. All or nothing.
	 */
	@Transactional
	public int record(CurrentUser user, long campaignId, List<Recorded> rows, LocalDate on, String quotaException) {
		return record(user, campaignId, rows, on, quotaException, null);
	}

	/**
	 * Records the results of a past campaign from its paper file and publishes them on
	 * the given date, in one pass: the same steps, dates and audit as {@link #record}
	 * followed by {@link #publish}, written once (the paper file of a published
	 * campaign).
	 */
	@Transactional
	public int recordPublished(CurrentUser user, long campaignId, List<Recorded> rows, LocalDate on,
			LocalDate publishedOn) {
		if (publishedOn == null) {
			throw new InvalidInputException("publishedOn", "error.required");
		}
		return record(user, campaignId, rows, on, null, publishedOn);
	}

	private int record(CurrentUser user, long campaignId, List<Recorded> rows, LocalDate on, String quotaException,
			LocalDate publishedOn) {
		requireDecider(user);
		Campaign c = campaign(user, campaignId);
		requireOpen(c);
		GradingRules r = rulesOf(c);
		Map<Long, Review> reviews = new HashMap<>();
		for (Review review : reviews(user, campaignId, null, null, null)) {
			reviews.put(review.id(), review);
		}
		List<MapSqlParameterSource> updates = new ArrayList<>();
		List<MapSqlParameterSource> steps = new ArrayList<>();
		Set<String> touched = new java.util.HashSet<>();
		List<MapSqlParameterSource> published = new ArrayList<>();
		for (Recorded row : rows) {
			Review review = reviews.get(row.reviewId());
			if (review == null) {
				throw new NotFoundException("review " + row.reviewId());
			}
			if (review.step() != Step.PENDING) {
				throw new RuleViolationException("grading.error.step", review.step().name(), Step.SELF.name());
			}
			Grade ceiling = Grader.grade(review.facts(row.score(), null), r).ceiling();
			for (Grade g : java.util.Arrays.asList(row.proposed(), row.decided())) {
				if (g != null && g.above(ceiling)) {
					throw new RuleViolationException("grading.error.condition", review.subjectName(), g.name(),
							ceiling.name(), bandText(r, row.score()));
				}
			}
			if (row.decided() != null && row.decided() != row.proposed() && blankToNull(row.reason()) == null) {
				throw new InvalidInputException("reason", "grading.error.reason-required", row.proposed().name(),
						row.decided().name());
			}
			updates.add(new MapSqlParameterSource().addValue("id", review.id())
				.addValue("score", row.score())
				.addValue("proposed", row.proposed().name())
				.addValue("decided", row.decided() == null ? null : row.decided().name())
				.addValue("on", row.decided() == null ? null : on)
				.addValue("reason", row.decided() != row.proposed() ? blankToNull(row.reason()) : null)
				.addValue("step", row.decided() == null ? "PROPOSED" : publishedOn != null ? "PUBLISHED" : "DECIDED")
				.addValue("bump", row.decided() != null && publishedOn != null ? 2 : 1));
			steps.add(stepRow(review.id(), Step.SELF, row.proposed(), row.score(), on, user.username(), null));
			steps.add(stepRow(review.id(), Step.PROPOSED, row.proposed(), row.score(), on, user.username(), null));
			if (row.decided() != null) {
				steps.add(stepRow(review.id(), Step.DECIDED, row.decided(), row.score(), on, user.username(),
						row.decided() != row.proposed() ? row.reason() : null));
				touched.add(review.subjectKind() + ":" + review.decidingOrganizationId());
				if (publishedOn != null) {
					published.add(stepRow(review.id(), Step.PUBLISHED, row.decided(), row.score(), publishedOn,
							user.username(), null));
				}
			}
		}
		steps.addAll(published);
		// one statement each, whatever the number of rows
		this.jdbc
			.sql("""
					UPDATE grading_review r SET step = x.step, self_score = CAST(x.score AS numeric), self_grade = x.proposed,
					  proposed_score = CAST(x.score AS numeric), proposed_grade = x.proposed, decided_grade = x.decided,
					  decided_on = CAST(x.on_date AS date), decision_reason = x.reason, version = r.version + x.bump
					FROM unnest(:id, :step, :score, :proposed, :decided, :on, :reason, :bump)
					  AS x(id, step, score, proposed, decided, on_date, reason, bump)
					WHERE r.id = x.id
					""")
			.param("id", column(updates, "id", Long.class))
			.param("step", column(updates, "step", String.class))
			.param("score", strings(updates, "score"))
			.param("proposed", column(updates, "proposed", String.class))
			.param("decided", column(updates, "decided", String.class))
			.param("on", strings(updates, "on"))
			.param("reason", column(updates, "reason", String.class))
			.param("bump", column(updates, "bump", Integer.class))
			.update();
		this.jdbc.sql("""
				INSERT INTO grading_step (review_id, step, grade, score, on_date, actor, reason)
				SELECT x.id, x.step, x.grade, CAST(x.score AS numeric), CAST(x.on_date AS date), x.actor, x.reason
				FROM unnest(:id, :step, :grade, :score, :on, :actor, :reason)
				  AS x(id, step, grade, score, on_date, actor, reason)
				""")
			.param("id", column(steps, "id", Long.class))
			.param("step", column(steps, "step", String.class))
			.param("grade", column(steps, "grade", String.class))
			.param("score", strings(steps, "score"))
			.param("on", strings(steps, "on"))
			.param("actor", column(steps, "actor", String.class))
			.param("reason", column(steps, "reason", String.class))
			.update();
		for (String key : touched) {
			String[] parts = key.split(":");
			Quota q = quota(campaignId, Long.parseLong(parts[1]), parts[0], r, Map.of());
			if (q.exceeded() && blankToNull(quotaException) == null) {
				throw new RuleViolationException("grading.error.quota", q.htxs(), q.allowed(), q.htt(),
						Grader.percent(r.quotaShare()), r.quota().sourceDocument());
			}
		}
		this.audit.record(user.username(), "RECORD", "grading_campaign", campaignId, null,
				Map.of("rows", rows.size(), "on", on));
		if (publishedOn != null) {
			int left = this.jdbc
				.sql("SELECT count(*) FROM grading_review WHERE campaign_id = :c AND step <> 'PUBLISHED'")
				.param("c", campaignId)
				.query(Integer.class)
				.single();
			if (left == 0) {
				this.jdbc.sql("""
						UPDATE grading_campaign SET status = 'PUBLISHED', published_on = :on, version = version + 1
						WHERE id = :c
						""").param("on", publishedOn).param("c", campaignId).update();
			}
			this.audit.record(user.username(), "PUBLISH", "grading_campaign", campaignId, null,
					Map.of("published", published.size(), "left", left));
		}
		return rows.size();
	}

	private static MapSqlParameterSource stepRow(long id, Step step, Grade grade, BigDecimal score, LocalDate on,
			String actor, String reason) {
		return new MapSqlParameterSource().addValue("id", id)
			.addValue("step", step.name())
			.addValue("grade", grade == null ? null : grade.name())
			.addValue("score", score)
			.addValue("on", on)
			.addValue("actor", actor)
			.addValue("reason", reason);
	}

	// ---------------------------------------------------------------- quota

	/**
	 * The quota of one deciding organisation and kind in a campaign: HTXS and HTT
	 * decided, plus proposals not yet decided when the screen passes them, and how many
	 * HTXS the rule allows.
	 */
	public record Quota(long decidingOrganizationId, String subjectKind, int htxs, int htt, int allowed, String share,
			String source, String confidence) {

		public boolean exceeded() {
			return this.htxs > this.allowed;
		}

	}

	/**
	 * The quota as a proposal screen shows it, with the grades it is about to propose.
	 */
	public Quota quota(CurrentUser user, long campaignId, long decidingOrganizationId, String subjectKind,
			Map<Long, Grade> pending) {
		Campaign c = campaign(user, campaignId);
		return quota(campaignId, decidingOrganizationId, subjectKind, rulesOf(c), pending);
	}

	Quota quota(long campaignId, long deciding, String kind, GradingRules r, Map<Long, Grade> pending) {
		Map<Long, Grade> grades = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, coalesce(decided_grade, proposed_grade) FROM grading_review
				WHERE campaign_id = :c AND deciding_organization_id = :deciding AND subject_kind = :kind
				  AND (decided_grade IS NOT NULL OR (proposed_grade IS NOT NULL AND id = ANY(:pending)))
				""")
			.param("c", campaignId)
			.param("deciding", deciding)
			.param("kind", kind)
			.param("pending", pending.keySet().toArray(Long[]::new))
			.query((rs, n) -> grades.put(rs.getLong(1), Grade.valueOf(rs.getString(2))))
			.list();
		pending.forEach((id, g) -> {
			if (g != null) {
				grades.put(id, g);
			}
		});
		int htxs = (int) grades.values().stream().filter((g) -> g == Grade.HTXS).count();
		int htt = (int) grades.values().stream().filter((g) -> g == Grade.HTT).count();
		return new Quota(deciding, kind, htxs, htt, r.quotaAllowed(htt), Grader.percent(r.quotaShare()),
				r.quota().sourceDocument(), r.quota().confidence());
	}

	// ---------------------------------------------------------------- helpers

	private Review applyFacts(Review r, Assessment a) {
		int total = nvl(a.tasksTotal(), r.tasksTotal());
		int onTime = nvl(a.tasksOnTime(), r.tasksOnTime());
		int exceeding = nvl(a.tasksExceeding(), r.tasksExceeding());
		int late = nvl(a.tasksLate(), r.tasksLate());
		int notDone = nvl(a.tasksNotDone(), r.tasksNotDone());
		for (Object[] f : new Object[][] { { "tasksTotal", total }, { "tasksOnTime", onTime },
				{ "tasksExceeding", exceeding }, { "tasksLate", late }, { "tasksNotDone", notDone } }) {
			if ((int) f[1] < 0) {
				throw new InvalidInputException((String) f[0], "grading.error.negative");
			}
		}
		if (onTime + late + notDone > total) {
			throw new InvalidInputException("tasksTotal", "grading.error.tasks-sum", onTime, late, notDone, total);
		}
		if (exceeding > onTime) {
			throw new InvalidInputException("tasksExceeding", "grading.error.tasks-exceeding", exceeding, onTime);
		}
		Long leads = a.leadsOrganizationId() != null ? a.leadsOrganizationId() : r.leadsOrganizationId();
		int leadership = nvl(a.disciplinedLeadership(), r.disciplinedLeadership());
		int subordinates = nvl(a.disciplinedSubordinates(), r.disciplinedSubordinates());
		// what the other modules know (attendance, resolution tasks, discipline) is read
		// now
		// and kept on the review, so the decision and the page use the same facts
		Campaign c = this.jdbc.sql(CAMPAIGN + " WHERE c.id = :id")
			.param("id", r.campaignId())
			.query(GradingCampaigns::mapCampaign)
			.single();
		Inputs.Answer known = r.isMember() ? this.inputs.member(r.memberId(), c.periodFrom(), c.periodTo())
				: this.inputs.organization(r.organizationId(), c.periodFrom(), c.periodTo());
		if (!r.isMember()) {
			// discipline the inspection module knows counts even when nobody typed it in
			leadership = Math.max(leadership, known.leadership().size());
			subordinates = Math.max(subordinates, known.subordinates().size());
		}
		if (leadership < 0 || subordinates < 0) {
			throw new InvalidInputException("disciplinedLeadership", "grading.error.negative");
		}
		this.jdbc.sql("""
				UPDATE grading_review SET tasks_total = :total, tasks_on_time = :onTime, tasks_exceeding = :exceeding,
				  tasks_late = :late, tasks_not_done = :notDone, disciplined_leadership = :dl,
				  disciplined_subordinates = :ds, shortcomings_open = :so, violated_standards = :vs,
				  form = :form, leads_organization_id = :leads, residence_comment = :residence,
				  known_on = :knownOn, known_held = :held, known_attended = :attended, known_unexcused = :unexcused,
				  known_tasks_total = :kTotal, known_tasks_on_time = :kOnTime, known_tasks_late = :kLate,
				  known_tasks_not_done = :kNotDone, known_disciplined = :kDisciplined
				WHERE id = :id AND version = :version
				""")
			.param("knownOn", a.on() != null ? a.on() : this.today.date())
			.param("held", known.attendance() == null ? null : known.attendance().held())
			.param("attended", known.attendance() == null ? null : known.attendance().attended())
			.param("unexcused", known.attendance() == null ? null : known.attendance().unexcused())
			.param("kTotal", known.tasks() == null ? null : known.tasks().total())
			.param("kOnTime", known.tasks() == null ? null : known.tasks().onTime())
			.param("kLate", known.tasks() == null ? null : known.tasks().late())
			.param("kNotDone", known.tasks() == null ? null : known.tasks().notDone())
			.param("kDisciplined", known.discipline().size())
			.param("total", total)
			.param("onTime", onTime)
			.param("exceeding", exceeding)
			.param("late", late)
			.param("notDone", notDone)
			.param("dl", leadership)
			.param("ds", subordinates)
			.param("so", nvl(a.shortcomingsOpen(), r.shortcomingsOpen()))
			.param("vs", a.violatedStandards() != null ? a.violatedStandards() : r.violatedStandards())
			.param("form", (a.form() != null ? a.form() : r.form()).name())
			.param("leads", leads)
			.param("residence", a.residenceComment() != null ? blankToNull(a.residenceComment()) : r.residenceComment())
			.param("id", r.id())
			.param("version", r.version())
			.update();
		return this.jdbc.sql(REVIEW + " WHERE r.id = :id")
			.param("id", r.id())
			.query(GradingCampaigns::mapReview)
			.single();
	}

	/**
	 * The score: given directly, or the sum of the criteria, each within its maximum; the
	 * Hồ Chí Minh study criterion of a member comes from the study result when the cell
	 * has recorded one and the criterion is not given.
	 */
	private BigDecimal score(CurrentUser user, Review review, Assessment a, GradingRules r, Campaign c) {
		if (a.criteria() != null && !a.criteria().isEmpty()) {
			Map<String, Integer> criteria = r.criteria(review.isMember());
			BigDecimal sum = BigDecimal.ZERO;
			for (Map.Entry<String, Integer> criterion : criteria.entrySet()) {
				BigDecimal points = a.criteria().get(criterion.getKey());
				if (points == null && GradingRules.HCM_STUDY.equals(criterion.getKey()) && review.isMember()) {
					points = this.study.points(review.memberId(), c.periodTo().getYear(), criterion.getValue(), r)
						.orElse(null);
				}
				if (points == null) {
					throw new InvalidInputException("criteria", "grading.error.criterion-missing", criterion.getKey());
				}
				if (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(criterion.getValue())) > 0) {
					throw new InvalidInputException("criteria", "grading.error.criterion-range", criterion.getKey(),
							criterion.getValue());
				}
				sum = sum.add(points);
			}
			for (String key : a.criteria().keySet()) {
				if (!criteria.containsKey(key)) {
					throw new InvalidInputException("criteria", "grading.error.criterion-unknown", key);
				}
			}
			return sum;
		}
		if (a.score() == null) {
			throw new InvalidInputException("score", "error.required");
		}
		if (a.score().signum() < 0 || a.score().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException("score", "grading.error.score-range");
		}
		return a.score();
	}

	private Grade allowed(Review review, BigDecimal score, Grade chosen, GradingRules r, Campaign c) {
		Grader.Result result = Grader.grade(review.facts(score, leaderUnitGrade(review)), r);
		if (chosen == null) {
			return result.ceiling();
		}
		if (chosen.above(result.ceiling())) {
			Grader.Cap cap = result.caps().isEmpty() ? null : result.caps().get(0);
			throw new RuleViolationException("grading.error.condition", review.subjectName(), chosen.name(),
					result.ceiling().name(), cap == null ? bandText(r, score) : describeCap(cap));
		}
		return chosen;
	}

	/**
	 * The decided (else proposed) grade of the unit a leader leads, in the same campaign.
	 */
	Grade leaderUnitGrade(Review review) {
		if (review.leadsOrganizationId() == null) {
			return null;
		}
		return this.jdbc.sql("""
				SELECT coalesce(decided_grade, proposed_grade) FROM grading_review
				WHERE campaign_id = :c AND subject_kind = 'ORGANIZATION' AND collective = 'ORGANIZATION'
				  AND organization_id = :org
				""")
			.param("c", review.campaignId())
			.param("org", review.leadsOrganizationId())
			.query(String.class)
			.optional()
			.map(GradingCampaigns::grade)
			.orElse(null);
	}

	/**
	 * Why a review may get at most a grade: what other modules know of it (kept from the
	 * last self-assessment or proposal, else read now), the band of its current score and
	 * each condition that lowers it, in words with its rule.
	 */
	public record Explanation(Review.Known known, boolean live, int disciplinedLeadership, int disciplinedSubordinates,
			BigDecimal score, Grade band, Grade ceiling, List<String> caps, boolean absencesFlagged) {
	}

	public Explanation explain(CurrentUser user, long reviewId) {
		Review r = review(user, reviewId);
		Campaign c = campaign(user, r.campaignId());
		GradingRules rules = rulesOf(c);
		boolean live = r.known().on() == null;
		Review shown = r;
		int leadership = r.disciplinedLeadership();
		int subordinates = r.disciplinedSubordinates();
		if (live) {
			Inputs.Answer a = r.isMember() ? this.inputs.member(r.memberId(), c.periodFrom(), c.periodTo())
					: this.inputs.organization(r.organizationId(), c.periodFrom(), c.periodTo());
			leadership = Math.max(leadership, a.leadership().size());
			subordinates = Math.max(subordinates, a.subordinates().size());
			shown = r.withKnown(new Review.Known(null, a.attendance(), a.tasks(), a.discipline().size()), leadership,
					subordinates);
		}
		BigDecimal score = r.currentScore();
		Grade band = null;
		Grade ceiling = null;
		List<String> caps = new ArrayList<>();
		if (score != null) {
			Grader.Result result = Grader.grade(shown.facts(score, leaderUnitGrade(r)), rules);
			band = result.band();
			ceiling = result.ceiling();
			for (Grader.Cap cap : result.caps()) {
				caps.add(describeCap(cap));
			}
		}
		boolean flagged = shown.known().attendance() != null
				&& shown.known().attendance().unexcused() >= rules.unexcusedAbsences();
		return new Explanation(shown.known(), live, leadership, subordinates, score, band, ceiling, caps, flagged);
	}

	private String bandText(GradingRules r, BigDecimal score) {
		return this.messages.get("grading.cap.band", score == null ? "—" : score.stripTrailingZeros().toPlainString(),
				r.htxsMin().toPlainString(), r.httMin().toPlainString(), r.htnvMin().toPlainString(), r.bandSource());
	}

	/** A cap in words, for the 409 that names the rule. */
	String describeCap(Grader.Cap cap) {
		return this.messages.get(cap.messageKey(), cap.arguments().toArray());
	}

	private void step(long reviewId, Step step, Grade grade, BigDecimal score, LocalDate on, String actor,
			String reason) {
		this.jdbc.sql("""
				INSERT INTO grading_step (review_id, step, grade, score, on_date, actor, reason)
				VALUES (:id, :step, :grade, :score, :on, :actor, :reason)
				""")
			.param("id", reviewId)
			.param("step", step.name())
			.param("grade", grade == null ? null : grade.name())
			.param("score", score)
			.param("on", on)
			.param("actor", actor)
			.param("reason", reason)
			.update();
	}

	private static void requireOpen(Campaign c) {
		if (!"OPEN".equals(c.status())) {
			throw new RuleViolationException("grading.error.campaign-closed", c.title(), c.status());
		}
	}

	static void requireOrganizer(CurrentUser user) {
		if (!(user.isAdministrator() || user.has(Role.OFFICE) || user.has(Role.ORGANIZATION_BOARD))) {
			throw new AccessDeniedException("grading campaigns");
		}
	}

	static void requireWriter(CurrentUser user) {
		if (!(user.editsRegister() || user.has(Role.LEADER) || user.isAdministrator())) {
			throw new AccessDeniedException("grading");
		}
	}

	static void requireDecider(CurrentUser user) {
		if (!(user.isAdministrator() || user.has(Role.LEADER) || user.has(Role.ORGANIZATION_BOARD)
				|| user.has(Role.OFFICE))) {
			throw new AccessDeniedException("grading decisions");
		}
	}

	private static int nvl(Integer value, int fallback) {
		return value != null ? value : fallback;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String criteriaJson(Map<String, BigDecimal> criteria) {
		if (criteria == null || criteria.isEmpty()) {
			return null;
		}
		StringBuilder sb = new StringBuilder("{");
		criteria.forEach((k, v) -> {
			if (sb.length() > 1) {
				sb.append(',');
			}
			sb.append('"').append(k.replaceAll("[^A-Za-z0-9_]", "")).append("\":").append(v.toPlainString());
		});
		return sb.append('}').toString();
	}

	static Grade grade(String s) {
		return s == null ? null : Grade.valueOf(s);
	}

	static Campaign mapCampaign(ResultSet rs, int n) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getLong("root_organization_id"), rs.getString("root_name"),
				PeriodKind.valueOf(rs.getString("period_kind")), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("title"),
				rs.getObject("rules_on", LocalDate.class), rs.getObject("opened_on", LocalDate.class),
				rs.getObject("self_deadline", LocalDate.class), rs.getObject("appraisal_deadline", LocalDate.class),
				rs.getObject("decision_deadline", LocalDate.class), rs.getString("status"),
				rs.getObject("published_on", LocalDate.class), rs.getInt("version"));
	}

	static Review mapReview(ResultSet rs, int n) throws SQLException {
		String collective = rs.getString("collective");
		return new Review(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("subject_kind"),
				collective == null ? null : Collective.valueOf(collective), rs.getLong("organization_id"),
				(Long) rs.getObject("member_id"), rs.getString("subject_name"), rs.getString("organization_name"),
				rs.getLong("deciding_organization_id"), ReviewForm.valueOf(rs.getString("form")),
				(Long) rs.getObject("leads_organization_id"), Step.valueOf(rs.getString("step")),
				rs.getBigDecimal("self_score"), grade(rs.getString("self_grade")), rs.getBigDecimal("proposed_score"),
				grade(rs.getString("proposed_grade")), rs.getString("proposed_reason"),
				grade(rs.getString("decided_grade")), rs.getObject("decided_on", LocalDate.class),
				rs.getString("decision_reason"), rs.getString("quota_exception_reason"), rs.getInt("tasks_total"),
				rs.getInt("tasks_on_time"), rs.getInt("tasks_exceeding"), rs.getInt("tasks_late"),
				rs.getInt("tasks_not_done"), rs.getInt("disciplined_leadership"), rs.getInt("disciplined_subordinates"),
				rs.getInt("shortcomings_open"), rs.getBoolean("violated_standards"), rs.getString("residence_comment"),
				rs.getInt("version"), mapKnown(rs));
	}

	private static Review.Known mapKnown(ResultSet rs) throws SQLException {
		LocalDate on = rs.getObject("known_on", LocalDate.class);
		if (on == null) {
			return Review.Known.NOTHING;
		}
		Integer held = (Integer) rs.getObject("known_held");
		Integer total = (Integer) rs.getObject("known_tasks_total");
		return new Review.Known(on,
				held == null ? null
						: new GradingInputs.Attendance(held, rs.getInt("known_attended"), rs.getInt("known_unexcused")),
				total == null ? null
						: new GradingInputs.Tasks(total, rs.getInt("known_tasks_on_time"),
								rs.getInt("known_tasks_late"), rs.getInt("known_tasks_not_done")),
				rs.getInt("known_disciplined"));
	}

	Optional<Campaign> previous(CurrentUser user, Campaign c) {
		return campaigns(user).stream()
			.filter((p) -> p.periodKind() == c.periodKind() && p.periodTo().isBefore(c.periodFrom()))
			.findFirst();
	}

}
