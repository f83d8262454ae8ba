package vn.capuy.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The route × role matrix (ASVS V4.1.3, V4.1.5, V4.2.1). Every route of the running
 * context (pages and {@code /api/v1}) is called by one account per role, each scoped to
 * the same grassroots organisation of the sample, once with ids inside that organisation
 * and once with ids of the same kind from outside it. The answers must match the declared
 * matrix {@code security/route-matrix.csv}: allowed and wrote (W), allowed without a
 * write (A), 403 (F) or 404 (N) for the role in scope; 404 out of scope (403 where the
 * role is refused anyway), never a write; a 500 never. A route with no row in the matrix
 * fails the test with its name: deny by default also for the people who add routes.
 *
 * <p>
 * Each call runs in its own transaction that is rolled back, so the calls that would
 * change data (a form posted with its required fields) leave the shared sample as it was.
 * With {@code -Dcapuy.matrix.record=true} the test writes what it observed to
 * {@code target/route-matrix-observed.csv} instead of failing, to review a new route.
 */
@FullTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteMatrixTests extends RouteCalls {

	static final String MATRIX = "/security/route-matrix.csv";

	/** Routes that answer without a login (everything else: 302 to /login or 401). */
	static final Set<String> PUBLIC = Set.of("GET /login", "GET /setup", "POST /setup", "GET /error", "POST /error",
			"PUT /error", "DELETE /error", "PATCH /error", "HEAD /error", "OPTIONS /error");

	static final Map<String, String> BAD = new java.util.concurrent.ConcurrentSkipListMap<>();

	static final Map<String, String> STATUS = new java.util.concurrent.ConcurrentSkipListMap<>();

	/** The flashed message of page forms that redirected without writing. */
	static final Map<String, String> REFUSED = new java.util.concurrent.ConcurrentSkipListMap<>();

	final Map<Role, UserDetails> accounts = new EnumMap<>(Role.class);

	@org.springframework.beans.factory.annotation.Autowired
	vn.capuy.membership.MemberImports memberImports;

	@BeforeAll
	void accounts() {
		// the grassroots organisation of the sample's secretary (bithu): one per role
		this.root = this.jdbc.sql("""
				SELECT g.organization_id FROM user_grant g JOIN app_user u ON u.id = g.user_id
				WHERE u.username = 'bithu' AND g.organization_id IS NOT NULL ORDER BY g.id LIMIT 1
				""").query(Long.class).single();
		// saved column mappings are shared by every office: make sure one exists, so that
		// its routes answer the same whether other tests saved one before or not
		if (this.memberImports.layouts().isEmpty()) {
			List<String> headers = List.of("Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số thẻ đảng viên");
			this.memberImports.saveLayout(vn.capuy.identity.CurrentUser.system(), "Bố cục thử (ma trận quyền)", headers,
					this.memberImports.mappingFor(headers));
		}
		for (Role role : Role.values()) {
			long id = this.fixtures.user("matrix-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-", role,
					this.root);
			this.accounts.put(role, this.users.loadUserByUsername(this.fixtures.username(id)));
			this.accountIds.put(role, id);
		}
		inScopeRecords();
	}

	@Autowired
	vn.capuy.document.Attachments attachments;

	@Autowired
	vn.capuy.inspection.Inspections inspections;

	@Autowired
	vn.capuy.committee.Regulations regulations;

	@Autowired
	vn.capuy.grading.HoChiMinhStudy study;

	@Autowired
	vn.capuy.directive.Directives directives;

	@Autowired
	vn.capuy.membership.MemberFiles memberFiles;

	final Map<Role, Long> accountIds = new EnumMap<>(Role.class);

	/** A throw-away cell under the scope root: imports in scope write only there. */
	long scratch;

	/** A throw-away party committee under the scope root: where a cell may move. */
	long otherParent;

	/**
	 * A member of a cell of the scope removed from the Party (xoá tên, reason d: not
	 * excluded from readmission) more than the waiting period ago: the readmission route
	 * is then decided by the role, not by the rule.
	 */
	long removed;

	/** The cell of {@link #removed}, where the readmission file is opened. */
	long readmissionCell;

	@Autowired
	vn.capuy.membership.MemberLifecycle lifecycle;

	@Autowired
	vn.capuy.meeting.MeetingMinutes minutes;

	private void removedMember() {
		LocalDate founded = this.jdbc.sql("SELECT valid_from FROM organization WHERE id = :root")
			.param("root", this.root)
			.query(LocalDate.class)
			.single();
		LocalDate from = founded.isBefore(LocalDate.of(2015, 1, 5)) ? LocalDate.of(2015, 1, 5) : founded;
		this.readmissionCell = this.fixtures.child(this.root, vn.capuy.organization.OrganizationType.CHI_BO_TRUC_THUOC,
				"Chi bộ thử kết nạp lại (ma trận quyền)", from);
		this.removed = this.fixtures.member(this.readmissionCell, "Đỗ Văn Xoá Tên", from);
		this.lifecycle.end(Fixtures.system(), this.removed,
				vn.capuy.membership.MembershipEndReason.XOA_TEN_HAI_NAM_VI_PHAM, from.plusYears(4).plusDays(5),
				"09-QĐ/MT (mẫu)", "Ma trận quyền");
	}

	/**
	 * The first organisation this test made: the routes on an organisation take one of
	 * the sample's, with its committee and members.
	 */
	static volatile long fixturesFrom = Long.MAX_VALUE;

	private Long one(String sql) {
		return this.jdbc.sql(sql + " LIMIT 1").param("root", this.root).query(Long.class).optional().orElse(null);
	}

	/**
	 * Records of the kinds the sample holds nowhere inside the scope root (attachments,
	 * an import run, a study commitment, a plan task), made through the services so that
	 * their routes are checked in scope too, not only out of scope.
	 */
	private void inScopeRecords() {
		vn.capuy.identity.CurrentUser office = this.fixtures.as(this.accountIds.get(Role.OFFICE));
		this.otherParent = this.fixtures.child(this.root, vn.capuy.organization.OrganizationType.DANG_BO_BO_PHAN,
				"Đảng bộ bộ phận thử (ma trận quyền)", LocalDate.of(2026, 1, 5));
		this.scratch = this.fixtures.child(this.root, vn.capuy.organization.OrganizationType.CHI_BO_TRUC_THUOC,
				"Chi bộ thử (ma trận quyền)", LocalDate.of(2026, 1, 5));
		fixturesFrom = this.otherParent;
		removedMember();
		Long document = one("SELECT d.id FROM document d WHERE d.secrecy = 'NONE' AND (d.issuer_org_id IN "
				+ IdResolver.IN + " OR d.receiver_org_id IN " + IdResolver.IN
				+ " OR d.id IN (SELECT r.document_id FROM document_recipient r WHERE r.organization_id IN "
				+ IdResolver.IN + ")) ORDER BY d.id DESC");
		if (document != null) {
			this.attachments.attach(office, document, "phu-luc-ma-tran.pdf", RouteBodies.pdf());
		}
		Long inspectionCase = one("SELECT c.id FROM inspection_case c WHERE c.handling_organization_id IN "
				+ IdResolver.IN + " ORDER BY c.id DESC");
		if (inspectionCase != null) {
			this.inspections.attach(this.fixtures.as(this.accountIds.get(Role.INSPECTION)), inspectionCase,
					"bien-ban-ma-tran.pdf", "application/pdf", RouteBodies.pdf());
		}
		this.regulations.adopt(office, this.root,
				new vn.capuy.committee.Regulations.NewRegulation(vn.capuy.committee.Regulations.Kind.WORKING, null,
						null, "99-QC/MT", "Quy chế thử (ma trận quyền)", LocalDate.of(2026, 1, 6), "quy-che.pdf",
						"application/pdf", RouteBodies.pdf(), null));
		Long member = one("SELECT ms.member_id FROM membership ms WHERE ms.valid_to IS NULL "
				+ "AND ms.organization_id IN " + IdResolver.IN + " ORDER BY 1");
		this.study.commit(this.fixtures.as(this.accountIds.get(Role.SECRETARY)), member, 2026,
				"Cam kết thử (ma trận quyền)", "Nhiệm vụ", LocalDate.of(2026, 2, 2));
		Long plan = one(
				"SELECT p.id FROM implementation_plan p WHERE p.owner_id IN " + IdResolver.UP + " ORDER BY p.id DESC");
		Long item = (plan == null) ? null
				: this.directives.addItem(Fixtures.system(), plan, new vn.capuy.directive.Directives.NewItem(
						"Nội dung thử (ma trận quyền)", "Chi bộ", LocalDate.of(2026, 12, 20), null));
		if (item != null) {
			this.directives.addTask(Fixtures.system(), item, new vn.capuy.directive.Directives.NewTask(this.root,
					"Nhiệm vụ thử (ma trận quyền)", "Chi bộ", LocalDate.of(2026, 12, 20), null));
		}
		// draft minutes (with the agenda's items) of a held meeting: their edits are
		// checked
		// in scope
		Long held = one("SELECT m.id FROM meeting m WHERE m.status = 'HELD' AND m.organization_id IN " + IdResolver.IN
				+ " AND NOT EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id) ORDER BY m.held_on DESC");
		if (held != null) {
			this.minutes.start(this.fixtures.as(this.accountIds.get(Role.SECRETARY)), held, "Chủ trì thử",
					"Thư ký thử");
		}
		// a photo and a scanned document of the member the routes on a member take
		Long shown = one("SELECT ms.member_id FROM membership ms WHERE ms.valid_to IS NULL AND ms.organization_id IN "
				+ IdResolver.IN + " AND ms.organization_id < " + this.otherParent + " ORDER BY 1 DESC");
		this.memberFiles.uploadPhoto(office, shown, RouteBodies.png());
		this.memberFiles.attach(office, shown, new vn.capuy.membership.MemberFiles.NewDocument("OTHER",
				LocalDate.of(2026, 2, 3), "Tệp thử (ma trận quyền)", "quyet-dinh.pdf", RouteBodies.pdf()));
		// an import run into the throw-away cell
		String[] header = { "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số thẻ đảng viên" };
		byte[] book = RouteBodies.xlsx(header,
				new String[] { "Lê Văn Nhập Thử (mẫu)", "Nam", "01/02/1990", "02/03/2020", "" });
		long job = this.memberImports.start(office, "ma-tran.xlsx", book, null, false, this.scratch);
		for (int i = 0; i < 300 && "RUNNING".equals(this.memberImports.progress(office, job).status()); i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Test
	void everyRouteAnswersAsTheMatrixSaysForEveryRoleInAndOutOfScope() throws Exception {
		Map<String, Map<Role, String>> declared = declared();
		String only = System.getProperty("capuy.matrix.only");
		List<Route> routes = routes().stream()
			.filter((r) -> !r.pattern().equals("/error"))
			.filter((r) -> only == null || r.key().matches(only))
			.toList();
		IdResolver ids = new IdResolver(this.jdbc, this.root);
		List<String> unlisted = new ArrayList<>();
		List<String> unresolved = new ArrayList<>();
		List<Route> checked = new ArrayList<>();
		for (Route route : routes) {
			if (!declared.containsKey(route.key())) {
				unlisted.add(route.key());
			}
			else {
				checked.add(route);
			}
		}
		Map<String, Map<Role, String>> observed = new java.util.concurrent.ConcurrentSkipListMap<>();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			List<java.util.concurrent.Future<?>> done = new ArrayList<>();
			for (Route route : Boolean.getBoolean("capuy.matrix.record") ? routes : checked) {
				Map<String, String> inside = paths(route, extras(ids.resolve(route.pattern(), true), true));
				Map<String, String> outside = paths(route, extras(ids.resolve(route.pattern(), false), false));
				if (inside == null) {
					unresolved.add(route.key());
				}
				Map<Role, String> want = declared.getOrDefault(route.key(), Map.of());
				done.add(pool.submit(() -> {
					observed.put(route.key(), check(route, inside, outside, want, ids, failures));
					return null;
				}));
			}
			for (java.util.concurrent.Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		if (Boolean.getBoolean("capuy.matrix.record")) {
			record(observed);
		}
		System.out.println("route matrix: " + routes.size() + " routes; no in-scope record in the sample for "
				+ unresolved.size() + ": " + unresolved);
		failures.sort(null);
		failures.forEach((f) -> System.out.println("route matrix failure: " + f));
		assertThat(unlisted).as("routes with no entry in %s (add a row: method,pattern and A/B/F/N per role)", MATRIX)
			.isEmpty();
		failures.sort(null);
		assertThat(failures).as("answers that differ from the matrix").isEmpty();
		if (only == null) {
			assertThat(declared.keySet()).as("matrix rows for routes that no longer exist")
				.isSubsetOf(routes.stream().map(Route::key).toList());
		}
	}

	/**
	 * The records a valid body names besides the path variables, inside the scope (or
	 * outside it): a member, two cells, the path record's version, ...
	 */
	private Map<String, String> extras(Map<String, String> ids, boolean inside) {
		if (ids == null) {
			return null;
		}
		Map<String, String> all = new TreeMap<>(ids);
		String orgs = inside ? IdResolver.IN : IdResolver.OUT;
		String members = "SELECT ms.member_id FROM membership ms WHERE ms.valid_to IS NULL AND ms.organization_id IN "
				+ orgs + " AND (SELECT s.status FROM member_status s WHERE s.member_id = ms.member_id "
				+ "ORDER BY s.valid_from DESC LIMIT 1) = 'FULL' ORDER BY 1";
		all.put("@member", first(members, "0"));
		all.put("@member2", first(members + " OFFSET 1", "0"));
		String cells = "SELECT o.id FROM organization o WHERE o.id IN " + orgs
				+ " AND o.valid_to IS NULL AND o.id <> :root ORDER BY 1";
		all.put("@cell", first(cells, all.get("@organization")));
		all.put("@cell2", first(cells + " OFFSET 1", all.get("@organization")));
		all.put("@scratch", inside ? Long.toString(this.scratch) : all.get("@organization"));
		all.put("@youthUnion",
				first("SELECT id FROM mass_organization WHERE kind = 'YOUTH_UNION' AND organization_id IN " + orgs
						+ " ORDER BY id DESC", "0"));
		all.put("@field", first("SELECT code FROM assignment_field ORDER BY sort_order", "X"));
		all.put("@sheetMapping", first("SELECT id FROM attendance_mapping ORDER BY id", "0"));
		all.put("@voteMapping", first("SELECT id FROM vote_mapping ORDER BY id", "0"));
		String id = all.getOrDefault("id", "0");
		if (!id.matches("\\d+")) {
			id = "0";
		}
		all.put("@version", first("SELECT version FROM member WHERE id = " + id, "0"));
		all.put("@planItem", first("SELECT id FROM plan_item WHERE plan_id = " + id + " ORDER BY id", "0"));
		all.put("@gradingReview", first(
				"SELECT id FROM grading_review WHERE campaign_id = " + id + " ORDER BY (step = 'PROPOSED') DESC, id",
				"0"));
		all.put("@receivedDocument",
				first("SELECT d.id FROM document d WHERE d.direction = 'RECEIVED' "
						+ "AND d.secrecy = 'NONE' AND d.receiver_org_id IN " + orgs
						+ " ORDER BY d.handled_on IS NULL DESC, d.id DESC", all.get("id")));
		all.put("@ruleValue", first("SELECT value FROM rule WHERE id = " + id, "0"));
		all.put("@orgMember",
				first("SELECT ms.member_id FROM membership ms JOIN organization_closure c "
						+ "ON c.descendant_id = ms.organization_id WHERE ms.valid_to IS NULL AND c.ancestor_id = " + id
						+ " ORDER BY 1", all.get("@member")));
		all.put("@committeeMember", first("SELECT member_id FROM committee_position WHERE valid_to IS NULL "
				+ "AND organization_id = " + id + " ORDER BY id", all.get("@member")));
		all.put("@periodStart",
				first("SELECT period_start FROM progress_report WHERE plan_id = " + id + " ORDER BY period_start DESC",
						"2026-07-01"));
		all.put("@taskVersion", first("SELECT version FROM plan_task WHERE id = " + id, "0"));
		all.put("@reportVersion", first("SELECT version FROM progress_report WHERE id = " + id, "0"));
		all.put("@submissionVersion", first("SELECT version FROM review_submission WHERE id = " + id, "0"));
		all.put("@otherParent", inside ? Long.toString(this.otherParent) : all.get("@organization"));
		all.put("@removed", inside ? Long.toString(this.removed) : all.get("id"));
		all.put("@propose", "propose");
		// a report and a review submission still being written (draft or returned)
		String report = first("SELECT id FROM progress_report WHERE status IN ('DRAFT', 'RETURNED') "
				+ "AND organization_id IN " + orgs + " ORDER BY id DESC", id);
		all.put("@draftReport", report);
		all.put("@draftReportVersion", first(
				"SELECT version FROM progress_report WHERE id = " + (report.matches("\\d+") ? report : "0"), "0"));
		String submission = first("SELECT id FROM review_submission WHERE status IN ('DRAFT', 'RETURNED') "
				+ "AND organization_id IN " + orgs + " ORDER BY id DESC", id);
		all.put("@draftSubmission", submission);
		all.put("@draftSubmissionVersion", first(
				"SELECT version FROM review_submission WHERE id = " + (submission.matches("\\d+") ? submission : "0"),
				"0"));
		all.put("@programmeYear", first("SELECT year FROM inspection_programme WHERE id = " + id, "2026"));
		// a held meeting without minutes (attendance, votes, minutes are taken there) and
		// its roll; draft minutes with an item (their edits)
		String meeting = first("SELECT m.id FROM meeting m WHERE m.status = 'HELD' AND m.organization_id IN " + orgs
				+ " AND NOT EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id) ORDER BY m.held_on DESC",
				all.get("id"));
		all.put("@heldMeeting", meeting);
		all.put("@heldMember", first("SELECT ms.member_id FROM meeting m JOIN membership ms ON ms.organization_id = "
				+ "m.organization_id AND ms.valid_from <= m.held_on AND (ms.valid_to IS NULL OR ms.valid_to > m.held_on) "
				+ "WHERE m.id = " + (meeting.matches("\\d+") ? meeting : "0") + " ORDER BY 1", all.get("@member")));
		String draft = "FROM meeting m JOIN minutes mi ON mi.meeting_id = m.id AND mi.status = 'DRAFT' AND NOT "
				+ "mi.superseded JOIN minutes_item it ON it.minutes_id = mi.id WHERE m.organization_id IN " + orgs
				+ " ORDER BY mi.id DESC, it.id";
		all.put("@draftMeeting", first("SELECT m.id " + draft, all.get("id")));
		all.put("@draftMinutes", first("SELECT mi.id " + draft, all.getOrDefault("minutesId", "0")));
		all.put("@draftItem", first("SELECT it.id " + draft, all.getOrDefault("itemId", "0")));
		all.put("@minutesVersion", first("SELECT mi.version " + draft, "0"));
		all.put("@readmissionCell", inside ? Long.toString(this.readmissionCell) : all.get("@cell"));
		return all;
	}

	private static Map<String, String> paths(Route route, Map<String, String> ids) {
		if (ids != null) {
			RouteBodies.PATHS.getOrDefault(route.key(), Map.of())
				.forEach((name, placeholder) -> ids.put(name, ids.getOrDefault(placeholder, ids.get(name))));
		}
		return ids;
	}

	private String first(String sql, String otherwise) {
		return this.jdbc.sql(sql + " LIMIT 1")
			.param("root", this.root)
			.query((rs, n) -> rs.getString(1))
			.optional()
			.orElse(otherwise);
	}

	private Map<Role, String> check(Route route, Map<String, String> inside, Map<String, String> outside,
			Map<Role, String> want, IdResolver ids, List<String> failures) throws Exception {
		Body body = RouteBodies.of(route.key());
		Body bodyIn = (body != null) ? body.with(inside) : null;
		Body bodyOut = (body != null) ? body.with(outside) : null;
		// anonymous: deny by default
		if (!PUBLIC.contains(route.key())) {
			MockHttpServletResponse anonymous = call(route, inside, null, bodyIn);
			int expected = route.pattern().startsWith("/api/") ? 401 : 302;
			if (anonymous.getStatus() != expected) {
				failures.add(route.key() + " anonymous: " + anonymous.getStatus() + " (expected " + expected + ")");
			}
		}
		// a route is also called out of scope when its body names records of the scope (a
		// member, a cell, ...): the same body naming records of another organisation
		boolean scoped = ids.scoped(route.pattern()) || route.organizationParameter() != null
				|| (body != null && body.namesRecords());
		Map<Role, String> seen = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			UserDetails account = this.accounts.get(role);
			MockHttpServletResponse in = call(route, inside, account, bodyIn);
			String outcome = outcome(in.getStatus());
			if ("A".equals(outcome) && WROTE.get()) {
				// answered and wrote (an audit row in the call's transaction): the role
				// was let through to the write, not only to the page
				outcome = "W";
			}
			seen.put(role, outcome);
			if (Boolean.getBoolean("capuy.matrix.record")) {
				STATUS.merge(route.key(), role + ":" + in.getStatus() + (WROTE.get() ? "w" : ""),
						(a, b) -> a + " " + b);
			}
			if (Boolean.getBoolean("capuy.matrix.record") && in.getStatus() == 302 && !WROTE.get()
					&& !"null".equals(FLASH.get())) {
				REFUSED.putIfAbsent(route.key(), role + ": " + FLASH.get());
			}
			if ("B".equals(outcome) && Boolean.getBoolean("capuy.matrix.record")) {
				String text = in.getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
				int alert = Math.max(text.indexOf("alert-danger"), text.indexOf("invalid-feedback"));
				if (alert > 0) {
					text = text.substring(alert);
				}
				BAD.putIfAbsent(route.key(), in.getStatus() + " " + in.getErrorMessage() + " "
						+ text.substring(0, Math.min(400, text.length())));
			}
			String expected = want.get(role);
			if (in.getStatus() >= 500) {
				failures.add(route.key() + " " + role + " in scope " + inside + ": " + in.getStatus());
			}
			else if (expected != null && !expected.equals(outcome)) {
				failures.add(route.key() + " " + role + " in scope " + inside + ": " + in.getStatus() + " (matrix: "
						+ expected + ")");
			}
			if (scoped && outside != null) {
				MockHttpServletResponse out = call(route, outside, account, bodyOut);
				boolean wrote = WROTE.get();
				if (wrote || !refusedOutOfScope(route, out, expected, ids.scoped(route.pattern()), ids.outsideName())) {
					failures.add(route.key() + " " + role + " OUT OF SCOPE " + outside + ": " + out.getStatus() + " "
							+ out.getRedirectedUrl());
				}
			}
		}
		return seen;
	}

	/**
	 * Out of scope: a record of another organisation answers 404 (403 where the role is
	 * refused anyway). A write may instead be refused for its missing fields (400, 415)
	 * or answer with a redirect that carries the refusal, but nothing is written (checked
	 * through the audit log by the caller). A list or form given another organisation as
	 * a parameter may answer, but without that organisation's name.
	 */
	private static boolean refusedOutOfScope(Route route, MockHttpServletResponse out, String expected, boolean record,
			String outsideName) throws java.io.UnsupportedEncodingException {
		int status = out.getStatus();
		if (status == 404 || (status == 403 && ("F".equals(expected) || "N".equals(expected)))) {
			return true;
		}
		if (route.method() != RequestMethod.GET) {
			return status == 400 || status == 403 || status == 415 || status == 409 || status == 302;
		}
		if (record) {
			return false;
		}
		return status < 500 && !out.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).contains(outsideName);
	}

	/**
	 * A: answered (2xx, 3xx, 409: the request reached the handler and the role was
	 * allowed; W when it also wrote, decided by the caller); B: refused as bad input
	 * (400, 413, 415) before the role was decided; F: 403; N: 404 although in scope
	 * (confidential area hidden from the role, or no record of that kind in the sample);
	 * E: a failure, never allowed.
	 */
	private static String outcome(int status) {
		if (status == 403) {
			return "F";
		}
		if (status == 404) {
			return "N";
		}
		if (status == 400 || status == 413 || status == 415) {
			return "B";
		}
		if (status >= 500 || status == 401) {
			return "E";
		}
		return "A";
	}

	/**
	 * One row per route: method,pattern, then W (allowed and wrote), A (allowed), F
	 * (403), N (404) or B (400) per role.
	 */
	static Map<String, Map<Role, String>> declared() throws IOException {
		Map<String, Map<Role, String>> rows = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(RouteMatrixTests.class.getResourceAsStream(MATRIX), StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			while (header.startsWith("#")) {
				header = reader.readLine();
			}
			String[] columns = header.split(",");
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split(",");
				Map<Role, String> row = new EnumMap<>(Role.class);
				for (int i = 2; i < columns.length; i++) {
					row.put(Role.valueOf(columns[i].strip()), cells[i].strip());
				}
				String key = cells[0].strip() + " " + cells[1].strip();
				assertThat(rows.put(key, row)).as("duplicate matrix row %s", key).isNull();
			}
		}
		return rows;
	}

	private static void record(Map<String, Map<Role, String>> observed) throws IOException {
		StringBuilder csv = new StringBuilder("method,pattern");
		for (Role role : Role.values()) {
			csv.append(',').append(role.name());
		}
		csv.append('\n');
		for (Map.Entry<String, Map<Role, String>> row : observed.entrySet()) {
			String[] key = row.getKey().split(" ", 2);
			csv.append(key[0]).append(',').append(key[1]);
			for (Role role : Role.values()) {
				csv.append(',').append(row.getValue().get(role));
			}
			csv.append('\n');
		}
		Files.writeString(Path.of("target/route-matrix-observed.csv"), csv);
		StringBuilder bad = new StringBuilder();
		BAD.forEach((k, v) -> bad.append(k).append(" => ").append(v).append('\n'));
		Files.writeString(Path.of("target/route-matrix-bad.txt"), bad);
		StringBuilder status = new StringBuilder();
		STATUS.forEach((k, v) -> status.append(k).append(" => ").append(v).append('\n'));
		Files.writeString(Path.of("target/route-matrix-status.txt"), status);
		StringBuilder refused = new StringBuilder();
		REFUSED.forEach((k, v) -> refused.append(k).append(" => ").append(v).append('\n'));
		Files.writeString(Path.of("target/route-matrix-refused.txt"), refused);
	}

	/**
	 * Fills the path variables of a route with ids of the right kind, inside the scope
	 * root's subtree or outside it (neither in the subtree nor one of its ancestors).
	 */
	static final class IdResolver {

		static final String IN = "(SELECT id FROM organization_visible_ever(ARRAY[:root]::bigint[], false))";

		static final String OUT = "(SELECT o.id FROM organization o WHERE o.id NOT IN " + IN
				+ " AND o.id NOT IN (SELECT c.ancestor_id FROM organization_closure c WHERE c.descendant_id IN " + IN
				+ "))";

		/**
		 * The scope's organisations and their superiors: whose records the scope takes
		 * part in.
		 */
		static final String UP = "(SELECT c.ancestor_id FROM organization_closure c WHERE c.descendant_id IN " + IN
				+ ")";

		/**
		 * Route shapes (the pattern with its variables, from the most specific) and the
		 * query that fills their variables; {@code %s} is the scope's organisations.
		 */
		private static final Map<String, String> SHAPES = new LinkedHashMap<>();

		static {
			String doc = "document d WHERE %doc AND d.secrecy = 'NONE'";
			SHAPES.put("/documents/{id}/attachments/{attachmentId}",
					"SELECT d.id, a.id AS \"attachmentId\" FROM document_attachment a JOIN "
							+ doc.replaceFirst(" WHERE ", " ON d.id = a.document_id WHERE "));
			SHAPES.put("/documents/{id}/study-sessions/{sessionId}",
					"SELECT d.id, s.id AS \"sessionId\" FROM study_session s JOIN "
							+ doc.replaceFirst(" WHERE ", " ON d.id = s.document_id WHERE "));
			SHAPES.put("/documents/{id}", "SELECT d.id FROM " + doc);
			SHAPES.put("/inspection/cases/{id}/attachments/{attachmentId}",
					"SELECT c.id, a.id AS \"attachmentId\" FROM inspection_attachment a JOIN inspection_case c "
							+ "ON c.id = a.case_id WHERE c.handling_organization_id IN %s");
			SHAPES.put("/inspection/cases/{id}",
					"SELECT c.id FROM inspection_case c WHERE c.handling_organization_id IN %s");
			SHAPES.put("/inspection/programmes/{id}",
					"SELECT p.id FROM inspection_programme p WHERE p.organization_id IN %s");
			String current = " JOIN membership ms ON ms.member_id = %1$s.member_id AND ms.valid_to IS NULL "
					+ "WHERE ms.organization_id IN %s";
			SHAPES.put("/members/{id}/documents/{documentId}",
					"SELECT d.member_id AS id, d.id AS \"documentId\" FROM member_document d"
							+ current.replace("%1$s", "d") + " AND d.closed_on IS NULL");
			SHAPES.put("/members/{id}/photos/{photoId}", "SELECT p.member_id AS id, p.id AS \"photoId\" "
					+ "FROM member_photo p" + current.replace("%1$s", "p") + " AND p.valid_to IS NULL");
			SHAPES.put("/members/{id}/exemptions/{exemptionId}",
					"SELECT e.member_id AS id, e.id AS \"exemptionId\" FROM member_exemption e JOIN membership ms "
							+ "ON ms.member_id = e.member_id AND ms.valid_to IS NULL WHERE ms.organization_id IN %s");
			SHAPES.put("/members/{id}/transfers/{transferId}",
					"SELECT t.member_id AS id, t.id AS \"transferId\" FROM transfer t "
							+ "WHERE t.from_organization_id IN %s");
			SHAPES.put("/study/commitments/{id}", "SELECT c.id FROM hcm_commitment c WHERE c.organization_id IN %s");
			SHAPES.put("/discipline/decisions/{id}",
					"SELECT d.id FROM discipline_decision d WHERE d.deciding_organization_id IN %s");
			SHAPES.put("/discipline/complaints/{id}",
					"SELECT c.id FROM discipline_complaint c WHERE c.handling_organization_id IN %s");
			SHAPES.put("/inspection/decisions/{id}",
					"SELECT d.id FROM discipline_decision d WHERE d.deciding_organization_id IN %s");
			SHAPES.put("/inspection/complaints/{id}",
					"SELECT c.id FROM discipline_complaint c WHERE c.handling_organization_id IN %s");
			String meeting = "meeting m JOIN minutes mi ON mi.meeting_id = m.id";
			SHAPES.put("/meetings/{id}/minutes/{minutesId}/items/{itemId}",
					"SELECT m.id, mi.id AS \"minutesId\", it.id AS \"itemId\" FROM " + meeting
							+ " JOIN minutes_item it ON it.minutes_id = mi.id WHERE m.organization_id IN %s");
			SHAPES.put("/meetings/{id}/minutes/{minutesId}",
					"SELECT m.id, mi.id AS \"minutesId\" FROM " + meeting + " WHERE m.organization_id IN %s");
			SHAPES.put("/meetings/{id}/tasks/{taskId}",
					"SELECT m.id, t.id AS \"taskId\" FROM meeting m JOIN meeting_task t ON t.meeting_id = m.id "
							+ "WHERE m.organization_id IN %s");
			SHAPES.put("/meetings/{id}/minutes.docx", "SELECT m.id FROM " + meeting + " WHERE m.organization_id IN %s");
			SHAPES.put("/meetings/{id}", "SELECT m.id FROM meeting m WHERE m.organization_id IN %s");
			SHAPES.put("/minutes/{id}/items/{itemId}", "SELECT mi.id, it.id AS \"itemId\" FROM " + meeting
					+ " JOIN minutes_item it ON it.minutes_id = mi.id WHERE m.organization_id IN %s");
			SHAPES.put("/minutes/{id}", "SELECT mi.id FROM " + meeting + " WHERE m.organization_id IN %s");
			SHAPES.put("/meeting-tasks/{id}", "SELECT t.id FROM meeting m JOIN meeting_task t ON t.meeting_id = m.id "
					+ "WHERE m.organization_id IN %s");
			SHAPES.put("/admissions/{id}", "SELECT a.id FROM admission a WHERE a.organization_id IN %s");
			SHAPES.put("/transfers/{id}", "SELECT t.id FROM transfer t WHERE t.from_organization_id IN %s");
			SHAPES.put("/imports/{id}",
					"SELECT r.job_id AS id FROM import_run r WHERE r.default_organization_id IN %s");
			String member = "SELECT ms.member_id AS id FROM membership ms WHERE ms.valid_to IS NULL "
					+ "AND ms.organization_id IN %s AND ms.organization_id < :fixtures";
			SHAPES.put("/members/{id}", member);
			SHAPES.put("/committees/organizations/{id}/assignments/{kind}/{assignmentId}",
					"SELECT f.organization_id AS id, 'FIELD' AS kind, f.id AS \"assignmentId\" "
							+ "FROM field_assignment f WHERE f.organization_id IN %s");
			SHAPES.put("/organizations/{id}",
					"SELECT o.id FROM organization o WHERE o.id IN %s AND o.valid_to IS NULL AND o.id < :fixtures");
			SHAPES.put("/positions/{positionId}",
					"SELECT p.id AS \"positionId\" FROM committee_position p WHERE p.organization_id IN %s");
			SHAPES.put("/positions/{id}", "SELECT p.id FROM committee_position p WHERE p.organization_id IN %s");
			SHAPES.put("/regulations/{regulationId}/attachment", "SELECT r.id AS \"regulationId\" FROM regulation r "
					+ "WHERE r.organization_id IN %s AND r.attachment IS NOT NULL");
			SHAPES.put("/regulations/{regulationId}",
					"SELECT r.id AS \"regulationId\" FROM regulation r WHERE r.organization_id IN %s");
			SHAPES.put("/regulations/{id}", "SELECT r.id FROM regulation r WHERE r.organization_id IN %s");
			SHAPES.put("/mass-organizations/{id}",
					"SELECT m.id FROM mass_organization m WHERE m.organization_id IN %s");
			SHAPES.put("/grading/campaigns/{id}",
					"SELECT c.id FROM grading_campaign c WHERE c.root_organization_id IN %p");
			SHAPES.put("/grading/reviews/{id}", "SELECT r.id FROM grading_review r WHERE r.organization_id IN %s");
			SHAPES.put("/directives/{id}", "SELECT d.id FROM directive d WHERE d.owner_id IN %p");
			SHAPES.put("/plans/{id}/tasks/{taskId}",
					// the task first: "ORDER BY 1 DESC" then picks one task, the newest
					// (the
					// fixture's in scope), not any task of the newest plan
					"SELECT t.id AS \"taskId\", p.id FROM implementation_plan p JOIN plan_item i ON i.plan_id = p.id "
							+ "JOIN plan_task t ON t.item_id = i.id WHERE p.owner_id IN %p");
			SHAPES.put("/plans/{id}", "SELECT p.id FROM implementation_plan p WHERE p.owner_id IN %p");
			SHAPES.put("/items/{id}", "SELECT i.id FROM implementation_plan p JOIN plan_item i ON i.plan_id = p.id "
					+ "WHERE p.owner_id IN %p");
			SHAPES.put("/tasks/{id}", "SELECT t.id FROM plan_task t WHERE t.organization_id IN %s");
			SHAPES.put("/reports/{id}", "SELECT r.id FROM progress_report r WHERE r.organization_id IN %s");
			SHAPES.put("/reviews/{id}/sections/{sectionId}",
					"SELECT r.id, s.id AS \"sectionId\" FROM review r JOIN review_section s ON s.review_id = r.id "
							+ "WHERE r.owner_id IN %p");
			SHAPES.put("/reviews/{id}/draft/{sectionId}",
					"SELECT r.id, s.id AS \"sectionId\" FROM review r JOIN review_section s ON s.review_id = r.id "
							+ "WHERE r.owner_id IN %p");
			SHAPES.put("/reviews/{id}", "SELECT r.id FROM review r WHERE r.owner_id IN %p");
			SHAPES.put("/review-submissions/{id}",
					"SELECT s.id FROM review_submission s WHERE s.organization_id IN %s");
			SHAPES.put("/report-jobs/{id}", "SELECT j.job_id AS id FROM review_report_run j JOIN review r "
					+ "ON r.id = j.review_id WHERE r.owner_id IN %p");
		}

		/** Variables that do not name a scoped record. */
		private static final Map<String, String> FIXED = Map.of("action", "submit", "code", "BIEU_1", "year", "2025");

		private final JdbcClient jdbc;

		private final long root;

		private final Map<String, Map<String, String>> cache = new java.util.HashMap<>();

		IdResolver(JdbcClient jdbc, long root) {
			this.jdbc = jdbc;
			this.root = root;
		}

		boolean scoped(String pattern) {
			return shape(pattern) != null;
		}

		private String shape(String pattern) {
			String plain = VARIABLE.matcher(pattern).replaceAll((m) -> "{" + m.group(1) + "}");
			for (String shape : SHAPES.keySet()) {
				if (plain.contains(shape)) {
					return shape;
				}
			}
			return null;
		}

		/**
		 * The variables of a route filled inside (or outside) the scope; null when the
		 * sample has no record of that kind on that side.
		 */
		Map<String, String> resolve(String pattern, boolean inside) {
			Map<String, String> values = new TreeMap<>();
			values.put("@organization", Long.toString(organization(inside)));
			Matcher m = VARIABLE.matcher(pattern);
			Set<String> names = new TreeSet<>();
			while (m.find()) {
				names.add(m.group(1));
			}
			String shape = shape(pattern);
			if (shape != null) {
				Map<String, String> row = this.cache.computeIfAbsent(shape + inside, (k) -> query(shape, inside));
				if (row == null) {
					return null;
				}
				values.putAll(row);
			}
			for (String name : names) {
				if (!values.containsKey(name)) {
					values.put(name, fixed(pattern, name));
				}
			}
			return values;
		}

		private String fixed(String pattern, String name) {
			if ("action".equals(name)) {
				if (pattern.startsWith("/meetings/")) {
					return "approve";
				}
				if (pattern.startsWith("/grading/")) {
					return "self";
				}
			}
			if ("code".equals(name) && pattern.contains("/fields/")) {
				return this.jdbc.sql("SELECT code FROM assignment_field ORDER BY sort_order LIMIT 1")
					.query(String.class)
					.single();
			}
			if ("code".equals(name)) {
				return this.jdbc.sql("SELECT form_code FROM statistics_form_row ORDER BY form_code LIMIT 1")
					.query(String.class)
					.optional()
					.orElse("BIEU_1");
			}
			if ("id".equals(name) && pattern.startsWith("/rules/")) {
				return this.jdbc.sql("SELECT min(id) FROM rule").query(Long.class).single().toString();
			}
			if ("id".equals(name) && pattern.startsWith("/imports/layouts/")) {
				// saved column mappings are shared by every office (not scoped)
				return this.jdbc.sql("SELECT coalesce(min(id), 1) FROM import_layout")
					.query(Long.class)
					.single()
					.toString();
			}
			return FIXED.getOrDefault(name, "1");
		}

		/** The current name of the out-of-scope organisation the parameters name. */
		String outsideName() {
			return this.jdbc.sql("""
					SELECT name FROM organization_name WHERE organization_id = :id ORDER BY valid_from DESC LIMIT 1
					""").param("id", organization(false)).query(String.class).single();
		}

		private long organization(boolean inside) {
			if (inside) {
				return this.root;
			}
			return this.jdbc.sql("SELECT min(x.id) FROM " + OUT + " x")
				.param("root", this.root)
				.query(Long.class)
				.single();
		}

		private Map<String, String> query(String shape, boolean inside) {
			// a document is in scope when issued by, received by or sent to the scope;
			// out of
			// scope when linked to none of it
			String linked = "(d.issuer_org_id IN %s OR d.receiver_org_id IN %s OR d.id IN "
					+ "(SELECT r.document_id FROM document_recipient r WHERE r.organization_id IN %s))";
			String sql = SHAPES.get(shape)
				.replace("%doc", inside ? linked : "NOT " + linked.replace("%s", IN) + " AND d.issuer_org_id IN %s")
				.replace("%s", inside ? IN : OUT)
				.replace("%p", inside ? UP : OUT) + " ORDER BY 1 DESC LIMIT 1";
			List<Map<String, String>> rows = this.jdbc.sql(sql)
				.param("root", this.root)
				.param("fixtures", fixturesFrom)
				.query((rs, n) -> {
					Map<String, String> row = new TreeMap<>();
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
					}
					return row;
				})
				.list();
			return rows.isEmpty() ? null : rows.get(0);
		}

	}

}
