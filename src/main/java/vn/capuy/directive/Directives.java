package vn.capuy.directive;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.document.DocumentListItem;
import vn.capuy.document.DocumentRegistered;
import vn.capuy.document.DocumentSymbol;
import vn.capuy.document.Documents;
import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Page;
import vn.capuy.system.VietnameseText;

/**
 * Directives and resolutions as a committee records them, its implementation plans (KH)
 * with content items, indicators and tasks, and each grassroots organisation's own plan
 * or adoption. Every read is limited to the caller's scope; every write is one
 * transaction, audited.
 */
@Service
@Transactional(readOnly = true)
public class Directives {

	private static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;

	private final DirectiveScope scope;

	private final AuditLog audit;

	private final Documents documents;

	Directives(JdbcClient jdbc, DirectiveScope scope, AuditLog audit, Documents documents) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.documents = documents;
	}

	/** A directive, resolution or other source document. */
	public record Directive(long id, long ownerId, DirectiveKind kind, String symbol, String title, String issuer,
			LocalDate issuedOn, Long documentId, String summary, int version) {
	}

	/** What a committee records of a new directive. */
	public record NewDirective(long ownerId, DirectiveKind kind, String symbol, String title, String issuer,
			LocalDate issuedOn, Long documentId, String summary) {
	}

	/** A plan (KH) of a committee carrying out a directive. */
	public record Plan(long id, long directiveId, long ownerId, String symbol, String title, LocalDate issuedOn,
			LocalDate startsOn, LocalDate endsOn, Frequency frequency, String purpose) {
	}

	public record NewPlan(String symbol, String title, LocalDate issuedOn, LocalDate startsOn, LocalDate endsOn,
			Frequency frequency, String purpose) {
	}

	/** A content item with its indicators. */
	public record Item(long id, long planId, int position, String title, String responsible, LocalDate deadline,
			BigDecimal weight, List<Indicator> indicators) {
	}

	public record NewItem(String title, String responsible, LocalDate deadline, BigDecimal weight) {
	}

	public record Indicator(long id, long itemId, int position, String name, IndicatorKind kind, BigDecimal target,
			String unit, BigDecimal weight) {
	}

	public record NewIndicator(String name, IndicatorKind kind, BigDecimal target, String unit, BigDecimal weight) {
	}

	/** A task of the committee (organizationId null) or of an organisation. */
	public record Task(long id, long itemId, Long organizationId, String title, String responsible, LocalDate deadline,
			BigDecimal weight, int progress, LocalDate progressOn, LocalDate doneOn, int version) {

		public boolean done() {
			return this.progress >= 100;
		}

		public boolean overdueOn(LocalDate date) {
			return !done() && this.deadline != null && this.deadline.isBefore(date);
		}

	}

	public record NewTask(Long organizationId, String title, String responsible, LocalDate deadline,
			BigDecimal weight) {
	}

	/** An organisation's own plan, or its adoption of the committee's. */
	public record OrganizationPlan(long id, long planId, long organizationId, boolean adopted, String symbol,
			LocalDate issuedOn, String note) {
	}

	/** One reporting period of a plan, with the date its reports are due. */
	public record Period(LocalDate start, LocalDate end, LocalDate due) {
	}

	/** A plan with everything under it. */
	public record PlanView(Directive directive, Plan plan, List<Item> items, List<Task> tasks,
			List<OrganizationPlan> organizationPlans) {

		public List<Indicator> indicators() {
			return this.items.stream().flatMap((i) -> i.indicators().stream()).toList();
		}

	}

	// ---- directives

	@Transactional
	public long record(CurrentUser user, NewDirective input) {
		this.scope.requireCommittee(user, input.ownerId());
		String symbol = printed(text("directiveSymbol", input.symbol(), true, 60));
		String title = text("directiveTitle", input.title(), true, MAX_TEXT);
		String issuer = text("directiveIssuer", input.issuer(), true, 200);
		required("directiveIssuedOn", input.issuedOn());
		required("directiveKind", input.kind());
		Long documentId = null;
		if (input.documentId() != null) {
			documentId = visibleDocument(user, input.documentId()).id();
		}
		else {
			documentId = this.documents.withIdentity(user, symbol, input.issuedOn(), input.ownerId())
				.map(DocumentListItem::id)
				.orElse(null);
		}
		long id = this.jdbc
			.sql("""
					INSERT INTO directive (owner_id, kind, symbol, title, issuer, issued_on, document_id, summary, created_by)
					VALUES (:owner, :kind, :symbol, :title, :issuer, :issued, :document, :summary, :actor) RETURNING id
					""")
			.param("owner", input.ownerId())
			.param("kind", input.kind().name())
			.param("symbol", symbol)
			.param("title", title)
			.param("issuer", issuer)
			.param("issued", input.issuedOn())
			.param("document", documentId)
			.param("summary", text("directiveSummary", input.summary(), false, 20000))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "RECORD", "directive", id, null,
				documentId == null ? input : Map.of("directive", input, "documentId", documentId));
		return id;
	}

	/**
	 * The symbol as the register prints it ({@code 16-ct/tu} → {@code 16-CT/TU},
	 * {@code 9-HD/BTCTW} → {@code 09-HD/BTCTW}) when it parses; otherwise as typed.
	 */
	static String printed(String symbol) {
		try {
			return DocumentSymbol.parse(symbol).toString();
		}
		catch (InvalidInputException ex) {
			return symbol;
		}
	}

	private DocumentListItem visibleDocument(CurrentUser user, long documentId) {
		try {
			return this.documents.row(user, documentId);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("documentId", "error.directive.document.not-found", documentId);
		}
	}

	/**
	 * Links the directive to its entry in the document register: the one given, or the
	 * one the caller sees with the directive's symbol and issue date (the committee's own
	 * entry first). Refused when the register holds none.
	 */
	@Transactional
	public long link(CurrentUser user, long directiveId, Long documentId) {
		Directive directive = get(user, directiveId);
		this.scope.requireCommittee(user, directive.ownerId());
		DocumentListItem document = documentId != null ? visibleDocument(user, documentId)
				: this.documents.withIdentity(user, directive.symbol(), directive.issuedOn(), directive.ownerId())
					.orElseThrow(() -> new RuleViolationException("error.directive.document.no-match",
							directive.symbol(), vn.capuy.system.PartyDates.shortForm(directive.issuedOn())));
		this.jdbc.sql("UPDATE directive SET document_id = :doc, version = version + 1 WHERE id = :id")
			.param("doc", document.id())
			.param("id", directiveId)
			.update();
		this.audit.record(user.username(), "LINK", "directive", directiveId,
				Map.of("documentId", String.valueOf(directive.documentId())), Map.of("documentId", document.id()));
		return document.id();
	}

	/** The register entry a directive links to, when the caller may see it. */
	public java.util.Optional<DocumentListItem> document(CurrentUser user, Directive directive) {
		if (directive.documentId() == null) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(this.documents.row(user, directive.documentId()));
		}
		catch (NotFoundException ex) {
			return java.util.Optional.empty();
		}
	}

	/**
	 * A document entered the register: directives with its symbol and issue date, carried
	 * out by a committee that issued or received it itself or through an organisation
	 * under it, and not linked yet, link to it (in the registering transaction).
	 */
	@EventListener
	@Transactional
	public void on(DocumentRegistered event) {
		if (event.organizationId() == null) {
			return;
		}
		List<Long> linked = this.jdbc.sql("""
				UPDATE directive d SET document_id = :doc, version = version + 1
				WHERE d.document_id IS NULL AND d.closed_on IS NULL AND d.symbol = :symbol AND d.issued_on = :issued
				  AND EXISTS (SELECT 1 FROM organization_closure c
				              WHERE c.ancestor_id = d.owner_id AND c.descendant_id = :org)
				RETURNING d.id
				""")
			.param("doc", event.documentId())
			.param("symbol", event.symbol())
			.param("issued", event.issuedOn())
			.param("org", event.organizationId())
			.query(Long.class)
			.list();
		for (Long id : linked) {
			this.audit.record("system", "LINK", "directive", id, null, Map.of("documentId", event.documentId()));
		}
	}

	/** A directive row in a list. */
	public record DirectiveRow(long id, String symbol, String title, DirectiveKind kind, LocalDate issuedOn,
			String issuer, long plans) {
	}

	public Page<DirectiveRow> list(CurrentUser user, String q, int page, int size) {
		String filter = DirectiveScope.participates("d.owner_id") + """
				 AND d.closed_on IS NULL
				 AND (CAST(:q AS text) IS NULL OR lower(d.symbol || ' ' || d.title) LIKE '%' || CAST(:q AS text) || '%')
				""";
		String query = q == null || q.isBlank() ? null : VietnameseText.clean(q).toLowerCase();
		long total = this.jdbc.sql("SELECT count(*) FROM directive d WHERE " + filter)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("q", query)
			.query(Long.class)
			.single();
		List<DirectiveRow> rows = this.jdbc.sql("""
				SELECT d.id, d.symbol, d.title, d.kind, d.issued_on, d.issuer,
				       (SELECT count(*) FROM implementation_plan p WHERE p.directive_id = d.id AND p.closed_on IS NULL)
				FROM directive d WHERE
				""" + filter + " ORDER BY d.issued_on DESC, d.id DESC LIMIT :size OFFSET :offset")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("q", query)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new DirectiveRow(rs.getLong(1), rs.getString(2), rs.getString(3),
					DirectiveKind.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getLong(7)))
			.list();
		return new Page<>(rows, total, page, size, true);
	}

	public Directive get(CurrentUser user, long id) {
		return this.jdbc.sql("""
				SELECT id, owner_id, kind, symbol, title, issuer, issued_on, document_id, summary, version
				FROM directive d WHERE d.id = :id AND
				""" + DirectiveScope.participates("d.owner_id"))
			.param("id", id)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new Directive(rs.getLong(1), rs.getLong(2), DirectiveKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
					(Long) rs.getObject(8), rs.getString(9), rs.getInt(10)))
			.optional()
			.orElseThrow(() -> new NotFoundException("directive " + id));
	}

	public List<Plan> plans(CurrentUser user, long directiveId) {
		get(user, directiveId);
		return this.jdbc.sql(PLAN_SELECT + " WHERE p.directive_id = :id AND p.closed_on IS NULL ORDER BY p.issued_on")
			.param("id", directiveId)
			.query(Directives::mapPlan)
			.list();
	}

	// ---- plans

	private static final String PLAN_SELECT = """
			SELECT p.id, p.directive_id, p.owner_id, p.symbol, p.title, p.issued_on, p.starts_on, p.ends_on, p.frequency,
			       p.purpose
			FROM implementation_plan p
			""";

	@Transactional
	public long createPlan(CurrentUser user, long directiveId, NewPlan input) {
		Directive directive = get(user, directiveId);
		this.scope.requireCommittee(user, directive.ownerId());
		required("startsOn", input.startsOn());
		required("endsOn", input.endsOn());
		required("frequency", input.frequency());
		if (input.endsOn().isBefore(input.startsOn())) {
			throw new InvalidInputException("endsOn", "error.directive.plan.ends-before-start");
		}
		long id = this.jdbc.sql("""
				INSERT INTO implementation_plan (directive_id, owner_id, symbol, title, issued_on, starts_on, ends_on,
				  frequency, purpose, created_by)
				VALUES (:directive, :owner, :symbol, :title, :issued, :starts, :ends, :frequency, :purpose, :actor)
				RETURNING id
				""")
			.param("directive", directiveId)
			.param("owner", directive.ownerId())
			.param("symbol", text("directiveSymbol", input.symbol(), true, 60))
			.param("title", text("directiveTitle", input.title(), true, MAX_TEXT))
			.param("issued", input.issuedOn() != null ? input.issuedOn() : input.startsOn())
			.param("starts", input.startsOn())
			.param("ends", input.endsOn())
			.param("frequency", input.frequency().name())
			.param("purpose", text("purpose", input.purpose(), false, 20000))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "CREATE", "implementation_plan", id, null, input);
		return id;
	}

	/** A plan the caller participates in, or 404. */
	public Plan plan(CurrentUser user, long planId) {
		return this.jdbc.sql(PLAN_SELECT + " WHERE p.id = :id AND " + DirectiveScope.participates("p.owner_id"))
			.param("id", planId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Directives::mapPlan)
			.optional()
			.orElseThrow(() -> new NotFoundException("plan " + planId));
	}

	/**
	 * The plan with its items, indicators, the committee's tasks and the tasks of the
	 * organisations the caller sees.
	 */
	public PlanView view(CurrentUser user, long planId) {
		Plan plan = plan(user, planId);
		Directive directive = get(user, plan.directiveId());
		List<Item> items = items(planId);
		List<Task> tasks = this.jdbc
			.sql("""
					SELECT t.id, t.item_id, t.organization_id, t.title, t.responsible, t.deadline, t.weight, t.progress,
					       t.progress_on, t.done_on, t.version
					FROM plan_task t JOIN plan_item i ON i.id = t.item_id
					WHERE i.plan_id = :plan AND t.closed_on IS NULL
					  AND (t.organization_id IS NULL OR
					""" + DirectiveScope.sees("t.organization_id")
					+ ") ORDER BY i.position, t.organization_id NULLS FIRST, t.id")
			.param("plan", planId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Directives::mapTask)
			.list();
		List<OrganizationPlan> orgPlans = this.jdbc.sql("""
				SELECT id, plan_id, organization_id, adopted, symbol, issued_on, note FROM organization_plan op
				WHERE op.plan_id = :plan AND
				""" + DirectiveScope.sees("op.organization_id") + " ORDER BY op.issued_on, op.id")
			.param("plan", planId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new OrganizationPlan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
			.list();
		return new PlanView(directive, plan, items, tasks, orgPlans);
	}

	List<Item> items(long planId) {
		Map<Long, List<Indicator>> indicators = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT n.id, n.item_id, n.position, n.name, n.kind, n.target, n.unit, n.weight
				FROM plan_indicator n JOIN plan_item i ON i.id = n.item_id
				WHERE i.plan_id = :plan AND n.closed_on IS NULL ORDER BY i.position, n.position
				""")
			.param("plan", planId)
			.query((rs, n) -> new Indicator(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
					IndicatorKind.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8)))
			.list()
			.forEach((i) -> indicators.computeIfAbsent(i.itemId(), (k) -> new ArrayList<>()).add(i));
		return this.jdbc.sql("""
				SELECT id, plan_id, position, title, responsible, deadline, weight FROM plan_item
				WHERE plan_id = :plan AND closed_on IS NULL ORDER BY position
				""")
			.param("plan", planId)
			.query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDate.class), rs.getBigDecimal(7),
					indicators.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	@Transactional
	public long addItem(CurrentUser user, long planId, NewItem input) {
		Plan plan = plan(user, planId);
		this.scope.requireCommittee(user, plan.ownerId());
		checkWeight("weight", input.weight());
		int position = this.jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM plan_item WHERE plan_id = :plan")
			.param("plan", planId)
			.query(Integer.class)
			.single();
		long id = this.jdbc.sql("""
				INSERT INTO plan_item (plan_id, position, title, responsible, deadline, weight)
				VALUES (:plan, :position, :title, :responsible, :deadline, :weight) RETURNING id
				""")
			.param("plan", planId)
			.param("position", position)
			.param("title", text("directiveTitle", input.title(), true, MAX_TEXT))
			.param("responsible", text("responsible", input.responsible(), false, 500))
			.param("deadline", input.deadline())
			.param("weight", input.weight())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ADD_ITEM", "implementation_plan", planId, null, input);
		return id;
	}

	@Transactional
	public long addIndicator(CurrentUser user, long itemId, NewIndicator input) {
		long planId = planOfItem(itemId);
		Plan plan = plan(user, planId);
		this.scope.requireCommittee(user, plan.ownerId());
		required("directiveKind", input.kind());
		required("target", input.target());
		if (input.target().signum() < 0) {
			throw new InvalidInputException("target", "error.directive.indicator.target");
		}
		if (input.kind() == IndicatorKind.PERCENT && input.target().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException("target", "error.directive.indicator.percent");
		}
		if (input.kind() == IndicatorKind.YES_NO && input.target().compareTo(BigDecimal.ONE) != 0) {
			throw new InvalidInputException("target", "error.directive.indicator.yes-no");
		}
		checkWeight("weight", input.weight());
		int position = this.jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM plan_indicator WHERE item_id = :item")
			.param("item", itemId)
			.query(Integer.class)
			.single();
		long id = this.jdbc.sql("""
				INSERT INTO plan_indicator (item_id, position, name, kind, target, unit, weight)
				VALUES (:item, :position, :name, :kind, :target, :unit, :weight) RETURNING id
				""")
			.param("item", itemId)
			.param("position", position)
			.param("name", text("name", input.name(), true, 500))
			.param("kind", input.kind().name())
			.param("target", input.target())
			.param("unit", text("unit", input.unit(), false, 60))
			.param("weight", input.weight())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ADD_INDICATOR", "plan_item", itemId, null, input);
		return id;
	}

	long planOfItem(long itemId) {
		return this.jdbc.sql("SELECT plan_id FROM plan_item WHERE id = :id")
			.param("id", itemId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("item " + itemId));
	}

	// ---- organisations' plans and tasks

	/**
	 * An organisation issues its own plan for the committee's plan, or adopts the
	 * committee's as is.
	 */
	@Transactional
	public long recordOrganizationPlan(CurrentUser user, long planId, long organizationId, boolean adopted,
			String symbol, LocalDate issuedOn, String note) {
		Plan plan = plan(user, planId);
		this.scope.requireReporter(user, organizationId);
		requireUnderOwner(plan, organizationId);
		required("directiveIssuedOn", issuedOn);
		if (!adopted && (symbol == null || symbol.isBlank())) {
			throw new InvalidInputException("directiveSymbol", "error.required");
		}
		boolean exists = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM organization_plan WHERE plan_id = :plan AND organization_id = :org)")
			.param("plan", planId)
			.param("org", organizationId)
			.query(Boolean.class)
			.single();
		if (exists) {
			throw new vn.capuy.system.RuleViolationException("error.directive.organization-plan.exists");
		}
		long id = this.jdbc.sql("""
				INSERT INTO organization_plan (plan_id, organization_id, adopted, symbol, issued_on, note, created_by)
				VALUES (:plan, :org, :adopted, :symbol, :issued, :note, :actor) RETURNING id
				""")
			.param("plan", planId)
			.param("org", organizationId)
			.param("adopted", adopted)
			.param("symbol", text("directiveSymbol", symbol, false, 60))
			.param("issued", issuedOn)
			.param("note", text("note", note, false, MAX_TEXT))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), adopted ? "ADOPT" : "RECORD", "organization_plan", id, null,
				Map.of("plan", planId, "organization", organizationId));
		return id;
	}

	@Transactional
	public long addTask(CurrentUser user, long itemId, NewTask input) {
		Plan plan = plan(user, planOfItem(itemId));
		if (input.organizationId() == null) {
			this.scope.requireCommittee(user, plan.ownerId());
		}
		else {
			this.scope.requireReporter(user, input.organizationId());
			requireUnderOwner(plan, input.organizationId());
		}
		checkWeight("weight", input.weight());
		long id = this.jdbc.sql("""
				INSERT INTO plan_task (item_id, organization_id, title, responsible, deadline, weight, created_by)
				VALUES (:item, :org, :title, :responsible, :deadline, :weight, :actor) RETURNING id
				""")
			.param("item", itemId)
			.param("org", input.organizationId())
			.param("title", text("directiveTitle", input.title(), true, MAX_TEXT))
			.param("responsible", text("responsible", input.responsible(), false, 500))
			.param("deadline", input.deadline())
			.param("weight", input.weight())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ADD_TASK", "plan_item", itemId, null, input);
		return id;
	}

	/**
	 * Records a task's progress (0–100 %) on a date; 100 % marks it done on that date.
	 */
	@Transactional
	public void recordProgress(CurrentUser user, long taskId, int progress, LocalDate on, int version) {
		Task task = task(taskId);
		Plan plan = plan(user, planOfItem(task.itemId()));
		if (task.organizationId() == null) {
			this.scope.requireCommittee(user, plan.ownerId());
		}
		else {
			this.scope.requireReporter(user, task.organizationId());
		}
		if (progress < 0 || progress > 100) {
			throw new InvalidInputException("progress", "error.directive.task.progress");
		}
		required("date", on);
		int updated = this.jdbc.sql("""
				UPDATE plan_task SET progress = :progress, progress_on = :on,
				  done_on = CASE WHEN :progress >= 100 THEN coalesce(done_on, :on) ELSE NULL END, version = version + 1
				WHERE id = :id AND version = :version
				""").param("progress", progress).param("on", on).param("id", taskId).param("version", version).update();
		if (updated != 1) {
			throw new org.springframework.dao.OptimisticLockingFailureException("task " + taskId);
		}
		this.audit.record(user.username(), "PROGRESS", "plan_task", taskId, task,
				Map.of("progress", progress, "on", on));
	}

	Task task(long taskId) {
		return this.jdbc.sql("""
				SELECT t.id, t.item_id, t.organization_id, t.title, t.responsible, t.deadline, t.weight, t.progress,
				       t.progress_on, t.done_on, t.version
				FROM plan_task t WHERE t.id = :id
				""")
			.param("id", taskId)
			.query(Directives::mapTask)
			.optional()
			.orElseThrow(() -> new NotFoundException("task " + taskId));
	}

	/** The organisation must be under the plan's committee at some time of the plan. */
	void requireUnderOwner(Plan plan, long organizationId) {
		boolean under = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM organization_closure c
				               WHERE c.ancestor_id = :owner AND c.descendant_id = :org
				                 AND c.valid_from <= :ends AND (c.valid_to IS NULL OR c.valid_to > :starts))
				""")
			.param("owner", plan.ownerId())
			.param("org", organizationId)
			.param("starts", plan.startsOn())
			.param("ends", plan.endsOn())
			.query(Boolean.class)
			.single();
		if (!under) {
			throw new InvalidInputException("organizationId", "error.directive.organization.not-under");
		}
	}

	// ---- helpers

	static Plan mapPlan(ResultSet rs, int n) throws SQLException {
		return new Plan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
				Frequency.valueOf(rs.getString(9)), rs.getString(10));
	}

	static Task mapTask(ResultSet rs, int n) throws SQLException {
		return new Task(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getBigDecimal(7), rs.getInt(8), rs.getObject(9, LocalDate.class),
				rs.getObject(10, LocalDate.class), rs.getInt(11));
	}

	static String text(String field, String value, boolean required, int max) {
		String clean = VietnameseText.clean(value);
		if (clean == null || clean.isEmpty()) {
			if (required) {
				throw new InvalidInputException(field, "error.required");
			}
			return null;
		}
		if (clean.length() > max) {
			throw new InvalidInputException(field, "error.too-long", max);
		}
		return clean;
	}

	/** Long text keeps its line breaks (sections, report text). */
	static String body(String field, String value, int max) {
		if (value == null) {
			return null;
		}
		String nfc = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC).replace("\r\n", "\n").strip();
		if (nfc.length() > max) {
			throw new InvalidInputException(field, "error.too-long", max);
		}
		return nfc;
	}

	static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, "error.required");
		}
		return value;
	}

	static void checkWeight(String field, BigDecimal weight) {
		if (weight != null && weight.signum() <= 0) {
			throw new InvalidInputException(field, "error.directive.weight");
		}
	}

}
