package vn.capuy.directive;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;

/**
 * Reviews (sơ kết, tổng kết, yearly and other periodic reports): the committee opens one
 * with its period, outline and deadline; each organisation submits its report in the
 * outline and the committee accepts or returns it; the office edits the drafted report in
 * versions; the conference with delegates, speeches, commendations and the conclusions.
 */
@Service
@Transactional(readOnly = true)
public class Reviews {

	static final String DUE_RULE = "directive.review.due-working-days";

	/** The default outline of a review report (DOMAIN.md §9.5). */
	static final List<String[]> DEFAULT_OUTLINE = List.of(
			new String[] { "I", "Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện" },
			new String[] { "II", "Kết quả thực hiện các nội dung" }, new String[] { "III", "Hạn chế, khuyết điểm" },
			new String[] { "IV", "Nguyên nhân" }, new String[] { "V", "Bài học kinh nghiệm" },
			new String[] { "VI", "Phương hướng, nhiệm vụ và giải pháp thời gian tới" },
			new String[] { "VII", "Kiến nghị, đề xuất" });

	private final JdbcClient jdbc;

	private final DirectiveScope scope;

	private final Directives directives;

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	private final AuditLog audit;

	Reviews(JdbcClient jdbc, DirectiveScope scope, Directives directives, RuleBook rules, WorkingDayCalendar calendar,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.directives = directives;
		this.rules = rules;
		this.calendar = calendar;
		this.audit = audit;
	}

	public record Review(long id, long ownerId, Long directiveId, ReviewKind kind, String title, LocalDate periodFrom,
			LocalDate periodTo, LocalDate openedOn, LocalDate dueOn, String status, String superior, String issuer,
			String symbol, String place, LocalDate reportDate, String authority, String signerTitle, String signer,
			List<String> recipients, int version) {
	}

	/**
	 * What the committee decides when it opens a review; null header fields get defaults.
	 */
	public record NewReview(long ownerId, Long directiveId, ReviewKind kind, String title, LocalDate periodFrom,
			LocalDate periodTo, LocalDate openedOn, LocalDate dueOn, String superior, String issuer, String symbol,
			String place, LocalDate reportDate, String signer, List<String> recipients) {
	}

	public record Section(long id, int position, String code, String title, String guidance) {
	}

	public record Submission(long id, long reviewId, long organizationId, String organizationName, ReportStatus status,
			LocalDate firstSubmittedOn, LocalDate submittedOn, LocalDate decidedOn, String decidedBy,
			String returnComment, int version, Map<Long, String> texts, Map<Long, BigDecimal> values,
			@com.fasterxml.jackson.annotation.JsonIgnore LocalDate periodTo) {
	}

	// ---- reviews

	@Transactional
	public long open(CurrentUser user, NewReview input) {
		this.scope.requireCommittee(user, input.ownerId());
		Directives.required("directiveKind", input.kind());
		LocalDate from = Directives.required("periodFrom", input.periodFrom());
		LocalDate to = Directives.required("periodTo", input.periodTo());
		if (to.isBefore(from)) {
			throw new InvalidInputException("periodTo", "error.directive.plan.ends-before-start");
		}
		if (input.directiveId() != null) {
			Directives.Directive d = this.directives.get(user, input.directiveId());
			if (d.ownerId() != input.ownerId() && !this.scope.sees(user, d.ownerId())) {
				throw new NotFoundException("directive " + input.directiveId());
			}
		}
		LocalDate opened = input.openedOn() != null ? input.openedOn() : to;
		LocalDate due = input.dueOn() != null ? input.dueOn()
				: this.calendar.addWorkingDays(to, this.rules.integer(DUE_RULE, to));
		String issuerDefault = this.scope.name(input.ownerId(), to).replaceFirst("^Đảng bộ", "Đảng uỷ");
		long id = this.jdbc
			.sql("""
					INSERT INTO review (owner_id, directive_id, kind, title, period_from, period_to, opened_on, due_on, status,
					  superior, issuer, symbol, place, report_date, signer, recipients, created_by)
					VALUES (:owner, :directive, :kind, :title, :from, :to, :opened, :due, 'OPEN', :superior, :issuer, :symbol,
					  :place, :reportDate, :signer, :recipients, :actor) RETURNING id
					""")
			.param("owner", input.ownerId())
			.param("directive", input.directiveId())
			.param("kind", input.kind().name())
			.param("title", Directives.text("directiveTitle", input.title(), true, 1000))
			.param("from", from)
			.param("to", to)
			.param("opened", opened)
			.param("due", due)
			.param("superior", Directives.text("reviewSuperior", input.superior(), false, 200))
			.param("issuer",
					input.issuer() != null && !input.issuer().isBlank()
							? Directives.text("directiveIssuer", input.issuer(), true, 200) : issuerDefault)
			.param("symbol", Directives.text("directiveSymbol", input.symbol(), false, 60))
			.param("place", Directives.text("reviewPlace", input.place(), false, 100))
			.param("reportDate", input.reportDate())
			.param("signer", Directives.text("reviewSigner", input.signer(), false, 200))
			.param("recipients", input.recipients() == null ? null : String.join("\n", input.recipients()))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		int position = 1;
		for (String[] section : DEFAULT_OUTLINE) {
			insertSection(id, position++, section[0], section[1], null);
		}
		this.audit.record(user.username(), "OPEN", "review", id, null, input);
		return id;
	}

	private long insertSection(long reviewId, int position, String code, String title, String guidance) {
		return this.jdbc.sql("""
				INSERT INTO review_section (review_id, position, code, title, guidance)
				VALUES (:review, :position, :code, :title, :guidance) RETURNING id
				""")
			.param("review", reviewId)
			.param("position", position)
			.param("code", code)
			.param("title", title)
			.param("guidance", guidance)
			.query(Long.class)
			.single();
	}

	/** The review row in a list. */
	public record ReviewRow(long id, String title, ReviewKind kind, String status, LocalDate periodFrom,
			LocalDate periodTo, LocalDate dueOn) {
	}

	public Page<ReviewRow> list(CurrentUser user, int page, int size) {
		String filter = DirectiveScope.participates("r.owner_id");
		long total = this.jdbc.sql("SELECT count(*) FROM review r WHERE " + filter)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Long.class)
			.single();
		List<ReviewRow> rows = this.jdbc.sql("""
				SELECT r.id, r.title, r.kind, r.status, r.period_from, r.period_to, r.due_on FROM review r WHERE
				""" + filter + " ORDER BY r.period_to DESC, r.id DESC LIMIT :size OFFSET :offset")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new ReviewRow(rs.getLong(1), rs.getString(2), ReviewKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
					rs.getObject(7, LocalDate.class)))
			.list();
		return new Page<>(rows, total, page, size, true);
	}

	public Review get(CurrentUser user, long id) {
		return this.jdbc
			.sql("""
					SELECT id, owner_id, directive_id, kind, title, period_from, period_to, opened_on, due_on, status, superior,
					       issuer, symbol, place, report_date, authority, signer_title, signer, recipients, version
					FROM review r WHERE r.id = :id AND
					"""
					+ DirectiveScope.participates("r.owner_id"))
			.param("id", id)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Reviews::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("review " + id));
	}

	/**
	 * Changes the header of the drafted report (symbol, place, date, signer, recipients).
	 */
	@Transactional
	public void updateHeader(CurrentUser user, long id, String superior, String issuer, String symbol, String place,
			LocalDate reportDate, String signer, List<String> recipients, int version) {
		Review review = get(user, id);
		this.scope.requireCommittee(user, review.ownerId());
		int updated = this.jdbc.sql("""
				UPDATE review SET superior = :superior, issuer = :issuer, symbol = :symbol, place = :place,
				  report_date = :reportDate, signer = :signer, recipients = :recipients, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("superior", Directives.text("reviewSuperior", superior, false, 200))
			.param("issuer", Directives.text("directiveIssuer", issuer, true, 200))
			.param("symbol", Directives.text("directiveSymbol", symbol, false, 60))
			.param("place", Directives.text("reviewPlace", place, false, 100))
			.param("reportDate", reportDate)
			.param("signer", Directives.text("reviewSigner", signer, false, 200))
			.param("recipients", recipients == null ? null : String.join("\n", recipients))
			.param("id", id)
			.param("version", version)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("review " + id);
		}
		this.audit.record(user.username(), "HEADER", "review", id, review, Map.of("symbol", String.valueOf(symbol)));
	}

	// ---- outline

	public List<Section> outline(long reviewId) {
		return this.jdbc.sql("""
				SELECT id, position, code, title, guidance FROM review_section
				WHERE review_id = :review AND closed_on IS NULL ORDER BY position
				""")
			.param("review", reviewId)
			.query((rs, n) -> new Section(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/** Adds a section at the end of the outline. */
	@Transactional
	public long addSection(CurrentUser user, long reviewId, String code, String title, String guidance) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		int position = this.jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM review_section WHERE review_id = :r")
			.param("r", reviewId)
			.query(Integer.class)
			.single();
		long id = insertSection(reviewId, position, Directives.text("sectionCode", code, true, 20),
				Directives.text("directiveTitle", title, true, 500), Directives.body("guidance", guidance, 5000));
		this.audit.record(user.username(), "ADD_SECTION", "review", reviewId, null, Map.of("title", title));
		return id;
	}

	/** Renames a section of the outline. */
	@Transactional
	public void renameSection(CurrentUser user, long reviewId, long sectionId, String title) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		int updated = this.jdbc.sql("""
				UPDATE review_section SET title = :title WHERE id = :id AND review_id = :review AND closed_on IS NULL
				""")
			.param("title", Directives.text("directiveTitle", title, true, 500))
			.param("id", sectionId)
			.param("review", reviewId)
			.update();
		if (updated != 1) {
			throw new NotFoundException("section " + sectionId);
		}
		this.audit.record(user.username(), "RENAME_SECTION", "review_section", sectionId, null, title);
	}

	/** Removes a section from the outline (closed with the date, never deleted). */
	@Transactional
	public void closeSection(CurrentUser user, long reviewId, long sectionId, LocalDate on) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		int updated = this.jdbc.sql(
				"UPDATE review_section SET closed_on = :on WHERE id = :id AND review_id = :review AND closed_on IS NULL")
			.param("on", Directives.required("date", on))
			.param("id", sectionId)
			.param("review", reviewId)
			.update();
		if (updated != 1) {
			throw new NotFoundException("section " + sectionId);
		}
		this.audit.record(user.username(), "CLOSE_SECTION", "review_section", sectionId, null, on);
	}

	/**
	 * The indicators organisations report in this review: those of the directive's plans.
	 */
	public List<Directives.Indicator> indicators(Review review) {
		if (review.directiveId() == null) {
			return List.of();
		}
		List<Directives.Indicator> result = new ArrayList<>();
		for (long planId : planIds(review)) {
			this.directives.items(planId).forEach((i) -> result.addAll(i.indicators()));
		}
		return result;
	}

	List<Long> planIds(Review review) {
		if (review.directiveId() == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id FROM implementation_plan WHERE directive_id = :d AND closed_on IS NULL ORDER BY issued_on, id
				""").param("d", review.directiveId()).query(Long.class).list();
	}

	// ---- submissions

	/** Opens (or finds) an organisation's review report as a draft. */
	@Transactional
	public long openSubmission(CurrentUser user, long reviewId, long organizationId) {
		Review review = get(user, reviewId);
		this.scope.requireReporter(user, organizationId);
		requireUnder(review, organizationId);
		Long existing = this.jdbc.sql("SELECT id FROM review_submission WHERE review_id = :r AND organization_id = :o")
			.param("r", reviewId)
			.param("o", organizationId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			return existing;
		}
		long id = this.jdbc.sql("""
				INSERT INTO review_submission (review_id, organization_id, status, created_by)
				VALUES (:r, :o, 'DRAFT', :actor) RETURNING id
				""")
			.param("r", reviewId)
			.param("o", organizationId)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		step(id, null, ReportStatus.DRAFT, review.openedOn(), user.username(), null);
		this.audit.record(user.username(), "OPEN", "review_submission", id, null,
				Map.of("review", reviewId, "organization", organizationId));
		return id;
	}

	private void requireUnder(Review review, long organizationId) {
		boolean under = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM organization_closure c
				               WHERE c.ancestor_id = :owner AND c.descendant_id = :org AND c.depth > 0
				                 AND c.valid_from <= :to AND (c.valid_to IS NULL OR c.valid_to > :from))
				""")
			.param("owner", review.ownerId())
			.param("org", organizationId)
			.param("from", review.periodFrom())
			.param("to", review.dueOn().isAfter(review.periodTo()) ? review.dueOn() : review.periodTo())
			.query(Boolean.class)
			.single();
		if (!under) {
			throw new InvalidInputException("organizationId", "error.directive.organization.not-under");
		}
	}

	/**
	 * Saves the text per section and indicator values of a draft or returned submission.
	 */
	@Transactional
	public void saveSubmission(CurrentUser user, long submissionId, Map<Long, String> texts,
			Map<Long, BigDecimal> values, int version) {
		Submission submission = header(user, submissionId);
		this.scope.requireReporter(user, submission.organizationId());
		if (!submission.status().editable()) {
			throw new RuleViolationException("error.directive.report.not-editable", submission.status().name());
		}
		Review review = get(user, submission.reviewId());
		List<Section> outline = outline(review.id());
		for (Long sectionId : texts.keySet()) {
			if (outline.stream().noneMatch((s) -> s.id() == sectionId)) {
				throw new InvalidInputException("sectionId", "error.directive.review.section", sectionId);
			}
		}
		Map<Long, Directives.Indicator> indicators = new LinkedHashMap<>();
		indicators(review).forEach((i) -> indicators.put(i.id(), i));
		values.forEach((id, value) -> ProgressReports.checkValue(indicators.get(id), id, value));
		int updated = this.jdbc
			.sql("UPDATE review_submission SET version = version + 1 WHERE id = :id AND version = :v")
			.param("id", submissionId)
			.param("v", version)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("submission " + submissionId);
		}
		for (Map.Entry<Long, String> e : texts.entrySet()) {
			String text = Directives.body("reportText", e.getValue(), 50000);
			this.jdbc.sql("""
					INSERT INTO review_submission_text (submission_id, section_id, text) VALUES (:s, :sec, :t)
					ON CONFLICT (submission_id, section_id) DO UPDATE SET text = EXCLUDED.text
					""")
				.param("s", submissionId)
				.param("sec", e.getKey())
				.param("t", text == null ? "" : text)
				.update();
		}
		for (Map.Entry<Long, BigDecimal> e : values.entrySet()) {
			if (e.getValue() == null) {
				continue;
			}
			this.jdbc.sql("""
					INSERT INTO review_submission_value (submission_id, indicator_id, value) VALUES (:s, :i, :v)
					ON CONFLICT (submission_id, indicator_id) DO UPDATE SET value = EXCLUDED.value
					""").param("s", submissionId).param("i", e.getKey()).param("v", e.getValue()).update();
		}
		this.audit.record(user.username(), "SAVE", "review_submission", submissionId, null, texts.keySet());
	}

	@Transactional
	public void submit(CurrentUser user, long submissionId, LocalDate on) {
		Submission s = header(user, submissionId);
		this.scope.requireReporter(user, s.organizationId());
		ReportStatus next = s.status().submit();
		move(user, s, next, Directives.required("date", on), null, """
				UPDATE review_submission SET status = :to, submitted_on = :on,
				  first_submitted_on = coalesce(first_submitted_on, :on), version = version + 1
				WHERE id = :id AND version = :version
				""");
	}

	@Transactional
	public void accept(CurrentUser user, long submissionId, LocalDate on) {
		Submission s = header(user, submissionId);
		requireDecider(user, s);
		ReportStatus next = s.status().accept();
		move(user, s, next, Directives.required("date", on), null, """
				UPDATE review_submission SET status = :to, decided_on = :on, decided_by = :actor, return_comment = NULL,
				  version = version + 1
				WHERE id = :id AND version = :version
				""");
	}

	@Transactional
	public void returnForCorrection(CurrentUser user, long submissionId, LocalDate on, String comment) {
		Submission s = header(user, submissionId);
		requireDecider(user, s);
		ReportStatus next = s.status().returnForCorrection();
		String why = Directives.text("returnComment", comment, true, 2000);
		move(user, s, next, Directives.required("date", on), why, """
				UPDATE review_submission SET status = :to, decided_on = :on, decided_by = :actor,
				  return_comment = :comment, version = version + 1
				WHERE id = :id AND version = :version
				""");
	}

	private void requireDecider(CurrentUser user, Submission s) {
		Review review = get(user, s.reviewId());
		if (!this.scope.actsForCommittee(user, review.ownerId())) {
			throw new AccessDeniedException("decide review reports");
		}
	}

	private void move(CurrentUser user, Submission s, ReportStatus next, LocalDate on, String comment, String sql) {
		int updated = this.jdbc.sql(sql)
			.param("to", next.name())
			.param("on", on)
			.param("actor", user.username())
			.param("comment", comment)
			.param("id", s.id())
			.param("version", s.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("submission " + s.id());
		}
		step(s.id(), s.status(), next, on, user.username(), comment);
		this.audit.record(user.username(), next.name(), "review_submission", s.id(), Map.of("status", s.status()),
				Map.of("status", next, "on", on));
	}

	private void step(long id, ReportStatus from, ReportStatus to, LocalDate on, String actor, String comment) {
		this.jdbc.sql("""
				INSERT INTO report_step (report_kind, report_id, from_status, to_status, on_date, actor, comment)
				VALUES ('REVIEW', :id, :from, :to, :on, :actor, :comment)
				""")
			.param("id", id)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("on", on)
			.param("actor", actor)
			.param("comment", comment)
			.update();
	}

	private static final String SUBMISSION_SELECT = """
			SELECT s.id, s.review_id, s.organization_id, s.status, s.first_submitted_on, s.submitted_on, s.decided_on,
			       s.decided_by, s.return_comment, s.version, (SELECT r.period_to FROM review r WHERE r.id = s.review_id)
			FROM review_submission s
			""";

	/**
	 * A submission's state without content or organisation name (for the steps), or 404.
	 */
	private Submission header(CurrentUser user, long submissionId) {
		return this.jdbc.sql(SUBMISSION_SELECT + " WHERE s.id = :id AND " + DirectiveScope.sees("s.organization_id"))
			.param("id", submissionId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Reviews::mapSubmission)
			.optional()
			.orElseThrow(() -> new NotFoundException("submission " + submissionId));
	}

	/** One submission whose organisation the caller sees, or 404. */
	public Submission submission(CurrentUser user, long submissionId) {
		Submission s = header(user, submissionId);
		return withContent(s, this.scope.name(s.organizationId(), s.periodTo()));
	}

	/** The submissions of a review whose organisations the caller sees, with content. */
	public List<Submission> submissions(CurrentUser user, long reviewId) {
		Review review = get(user, reviewId);
		java.util.function.BiFunction<Long, LocalDate, String> names = this.scope.names(review.ownerId());
		return this.jdbc
			.sql(SUBMISSION_SELECT + " WHERE s.review_id = :r AND " + DirectiveScope.sees("s.organization_id")
					+ " ORDER BY s.id")
			.param("r", reviewId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Reviews::mapSubmission)
			.list()
			.stream()
			.map((s) -> withContent(s, names.apply(s.organizationId(), s.periodTo())))
			.toList();
	}

	private Submission withContent(Submission s, String organizationName) {
		Map<Long, String> texts = new LinkedHashMap<>();
		this.jdbc.sql("SELECT section_id, text FROM review_submission_text WHERE submission_id = :id")
			.param("id", s.id())
			.query((rs, n) -> texts.put(rs.getLong(1), rs.getString(2)))
			.list();
		Map<Long, BigDecimal> values = new LinkedHashMap<>();
		this.jdbc.sql("SELECT indicator_id, value FROM review_submission_value WHERE submission_id = :id")
			.param("id", s.id())
			.query((rs, n) -> values.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		return new Submission(s.id(), s.reviewId(), s.organizationId(), organizationName, s.status(),
				s.firstSubmittedOn(), s.submittedOn(), s.decidedOn(), s.decidedBy(), s.returnComment(), s.version(),
				texts, values, s.periodTo());
	}

	/**
	 * A submission row without its organisation's name (filled by the caller) or content.
	 */
	private static Submission mapSubmission(ResultSet rs, int n) throws SQLException {
		long org = rs.getLong(3);
		return new Submission(rs.getLong(1), rs.getLong(2), org, null, ReportStatus.valueOf(rs.getString(4)),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
				rs.getString(8), rs.getString(9), rs.getInt(10), Map.of(), Map.of(), rs.getObject(11, LocalDate.class));
	}

	// ---- drafted report in versions

	/** One version of a section of the drafted report. */
	public record DraftVersion(long sectionId, int number, String text, String createdBy, java.time.Instant at) {
	}

	/** The latest version of every section drafted so far. */
	public Map<Long, DraftVersion> latestDraft(long reviewId) {
		Map<Long, DraftVersion> result = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (section_id) section_id, number, text, created_by, created_at
				FROM review_draft_version WHERE review_id = :r ORDER BY section_id, number DESC
				""")
			.param("r", reviewId)
			.query((rs, n) -> new DraftVersion(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list()
			.forEach((v) -> result.put(v.sectionId(), v));
		return result;
	}

	public List<DraftVersion> draftVersions(CurrentUser user, long reviewId, long sectionId) {
		get(user, reviewId);
		return this.jdbc.sql("""
				SELECT section_id, number, text, created_by, created_at FROM review_draft_version
				WHERE review_id = :r AND section_id = :s ORDER BY number DESC
				""")
			.param("r", reviewId)
			.param("s", sectionId)
			.query((rs, n) -> new DraftVersion(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * Saves a section of the drafted report as a new version; {@code basedOn} is the
	 * version the editor started from (0 for none), so a concurrent edit is refused.
	 */
	@Transactional
	public int saveDraft(CurrentUser user, long reviewId, long sectionId, String text, int basedOn) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		if (outline(reviewId).stream().noneMatch((s) -> s.id() == sectionId)) {
			throw new InvalidInputException("sectionId", "error.directive.review.section", sectionId);
		}
		int latest = this.jdbc.sql("SELECT coalesce(max(number), 0) FROM review_draft_version WHERE section_id = :s")
			.param("s", sectionId)
			.query(Integer.class)
			.single();
		if (latest != basedOn) {
			throw new OptimisticLockingFailureException("draft section " + sectionId);
		}
		String body = Directives.body("reportText", text, 100000);
		this.jdbc.sql("""
				INSERT INTO review_draft_version (review_id, section_id, number, text, created_by)
				VALUES (:r, :s, :n, :t, :actor)
				""")
			.param("r", reviewId)
			.param("s", sectionId)
			.param("n", latest + 1)
			.param("t", body == null ? "" : body)
			.param("actor", user.username())
			.update();
		this.audit.record(user.username(), "DRAFT", "review_section", sectionId, null, Map.of("version", latest + 1));
		return latest + 1;
	}

	// ---- conference

	public record Conference(LocalDate heldOn, String place, String chair, String agenda, String conclusions,
			String noticeSymbol, LocalDate noticeDate, String concludedBy, List<Delegate> delegates,
			List<Speech> speeches, List<Commendation> commendations) {

		public long attending() {
			return this.delegates.stream().filter(Delegate::attended).count();
		}

	}

	public record Delegate(long id, String fullName, String positionTitle, String organizationName, boolean guest,
			boolean attended) {
	}

	public record Speech(long id, int position, String speaker, String role, String summary) {
	}

	public record Commendation(long id, String kind, String name, String organizationName, String form, String reason) {
	}

	/**
	 * Records or changes the conference: date, place, chair, agenda, conclusions and the
	 * notice.
	 */
	@Transactional
	public void recordConference(CurrentUser user, long reviewId, LocalDate heldOn, String place, String chair,
			String agenda, String conclusions, String noticeSymbol, LocalDate noticeDate, String concludedBy) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		this.jdbc.sql("""
				INSERT INTO review_conference (review_id, held_on, place, chair, agenda, conclusions, notice_symbol,
				  notice_date, concluded_by)
				VALUES (:r, :held, :place, :chair, :agenda, :conclusions, :symbol, :noticeDate, :by)
				ON CONFLICT (review_id) DO UPDATE SET held_on = EXCLUDED.held_on, place = EXCLUDED.place,
				  chair = EXCLUDED.chair, agenda = EXCLUDED.agenda, conclusions = EXCLUDED.conclusions,
				  notice_symbol = EXCLUDED.notice_symbol, notice_date = EXCLUDED.notice_date,
				  concluded_by = EXCLUDED.concluded_by, version = review_conference.version + 1
				""")
			.param("r", reviewId)
			.param("held", Directives.required("heldOn", heldOn))
			.param("place", Directives.text("reviewPlace", place, false, 300))
			.param("chair", Directives.text("chair", chair, false, 300))
			.param("agenda", Directives.body("agenda", agenda, 20000))
			.param("conclusions", Directives.body("conclusions", conclusions, 50000))
			.param("symbol", Directives.text("directiveSymbol", noticeSymbol, false, 60))
			.param("noticeDate", noticeDate)
			.param("by", Directives.text("concludedBy", concludedBy, false, 300))
			.update();
		this.audit.record(user.username(), "CONFERENCE", "review", reviewId, null, Map.of("heldOn", heldOn));
	}

	@Transactional
	public long addDelegate(CurrentUser user, long reviewId, String fullName, String positionTitle,
			String organizationName, boolean guest, boolean attended) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		long id = this.jdbc
			.sql("""
					INSERT INTO conference_delegate (review_id, full_name, position_title, organization_name, guest, attended)
					VALUES (:r, :name, :position, :org, :guest, :attended) RETURNING id
					""")
			.param("r", reviewId)
			.param("name", Directives.text("fullName", fullName, true, 200))
			.param("position", Directives.text("positionTitle", positionTitle, false, 300))
			.param("org", Directives.text("organizationName", organizationName, false, 300))
			.param("guest", guest)
			.param("attended", attended)
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "DELEGATE", "review", reviewId, null, Map.of("name", fullName));
		return id;
	}

	@Transactional
	public long addSpeech(CurrentUser user, long reviewId, String speaker, String role, String summary) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		int position = this.jdbc
			.sql("SELECT coalesce(max(position), 0) + 1 FROM conference_speech WHERE review_id = :r")
			.param("r", reviewId)
			.query(Integer.class)
			.single();
		long id = this.jdbc.sql("""
				INSERT INTO conference_speech (review_id, position, speaker, role, summary)
				VALUES (:r, :p, :speaker, :role, :summary) RETURNING id
				""")
			.param("r", reviewId)
			.param("p", position)
			.param("speaker", Directives.text("speaker", speaker, true, 200))
			.param("role", Directives.text("role", role, false, 300))
			.param("summary", Directives.text("directiveSummary", summary, true, 20000))
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "SPEECH", "review", reviewId, null, Map.of("speaker", speaker));
		return id;
	}

	@Transactional
	public long addCommendation(CurrentUser user, long reviewId, String kind, String name, String organizationName,
			String form, String reason) {
		Review review = get(user, reviewId);
		this.scope.requireCommittee(user, review.ownerId());
		if (!"COLLECTIVE".equals(kind) && !"INDIVIDUAL".equals(kind)) {
			throw new InvalidInputException("directiveKind", "error.directive.commendation.kind");
		}
		long id = this.jdbc.sql("""
				INSERT INTO commendation (review_id, kind, name, organization_name, form, reason)
				VALUES (:r, :kind, :name, :org, :form, :reason) RETURNING id
				""")
			.param("r", reviewId)
			.param("kind", kind)
			.param("name", Directives.text("name", name, true, 300))
			.param("org", Directives.text("organizationName", organizationName, false, 300))
			.param("form", Directives.text("form", form, true, 200))
			.param("reason", Directives.text("reason", reason, false, 2000))
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "COMMEND", "review", reviewId, null, Map.of("name", name));
		return id;
	}

	/** The conference of a review, or null when none is recorded yet. */
	public Conference conference(CurrentUser user, long reviewId) {
		get(user, reviewId);
		List<Delegate> delegates = this.jdbc.sql("""
				SELECT id, full_name, position_title, organization_name, guest, attended FROM conference_delegate
				WHERE review_id = :r ORDER BY guest DESC, id
				""")
			.param("r", reviewId)
			.query((rs, n) -> new Delegate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getBoolean(6)))
			.list();
		List<Speech> speeches = this.jdbc
			.sql("""
					SELECT id, position, speaker, role, summary FROM conference_speech WHERE review_id = :r ORDER BY position
					""")
			.param("r", reviewId)
			.query((rs, n) -> new Speech(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		List<Commendation> commendations = this.jdbc.sql("""
				SELECT id, kind, name, organization_name, form, reason FROM commendation WHERE review_id = :r
				ORDER BY kind, id
				""")
			.param("r", reviewId)
			.query((rs, n) -> new Commendation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
		return this.jdbc.sql("""
				SELECT held_on, place, chair, agenda, conclusions, notice_symbol, notice_date, concluded_by
				FROM review_conference WHERE review_id = :r
				""")
			.param("r", reviewId)
			.query((rs, n) -> new Conference(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
					rs.getString(8), delegates, speeches, commendations))
			.optional()
			.orElse(null);
	}

	private static Review map(ResultSet rs, int n) throws SQLException {
		String recipients = rs.getString(19);
		return new Review(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), ReviewKind.valueOf(rs.getString(4)),
				rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
				rs.getString(12), rs.getString(13), rs.getString(14), rs.getObject(15, LocalDate.class),
				rs.getString(16), rs.getString(17), rs.getString(18),
				recipients == null || recipients.isBlank() ? List.of() : List.of(recipients.split("\n")),
				rs.getInt(20));
	}

}
