package vn.capuy.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.organization.TreeNode;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.VietnameseText;

/**
 * Study sessions of a document (học tập, quán triệt; DOMAIN.md §8.8): each organisation
 * holds its session on a date, every member on its roll that day is present or absent
 * with a reason; attendance rates per organisation rolled up the tree, and the grassroots
 * organisations that have not held theirs. Limited to the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class StudySessions {

	private final JdbcClient jdbc;

	private final Documents documents;

	private final Members members;

	private final OrganizationTree tree;

	private final AuditLog audit;

	StudySessions(JdbcClient jdbc, Documents documents, Members members, OrganizationTree tree, AuditLog audit) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.members = members;
		this.tree = tree;
		this.audit = audit;
	}

	/** A session held by an organisation, with its attendance. */
	public record Session(long id, long organizationId, String organizationName, LocalDate heldOn, int expected,
			int present, String note) {

		public double rate() {
			return this.expected == 0 ? 0 : 100.0 * this.present / this.expected;
		}

	}

	/** One member's attendance at a session. */
	public record Attendance(long memberId, String memberName, boolean present, String absenceReason) {
	}

	/** An organisation's line in the report: its own and its subtree's figures. */
	public record Row(long organizationId, String name, OrganizationType type, int depth, int sessions, int expected,
			int present, boolean grassroots) {

		public boolean held() {
			return this.sessions > 0;
		}

		public double rate() {
			return this.expected == 0 ? 0 : 100.0 * this.present / this.expected;
		}

	}

	/**
	 * The study of a document as of a date: the tree's rows and who has not held theirs.
	 */
	public record Report(LocalDate asOf, List<Row> rows, List<Row> notHeld, int sessions, int expected, int present) {

		public double rate() {
			return this.expected == 0 ? 0 : 100.0 * this.present / this.expected;
		}

	}

	/**
	 * The members expected at an organisation's session on a date: those of its subtree
	 * in the Party and not exempt from activities (Members API).
	 */
	public List<MemberListItem> roll(CurrentUser user, long organizationId, LocalDate heldOn) {
		List<MemberListItem> roll = new ArrayList<>();
		int page = 0;
		while (true) {
			Page<MemberListItem> result = this.members.search(user,
					new Members.Query(null, organizationId, null, heldOn, page, Page.MAX_SIZE));
			for (MemberListItem m : result.items()) {
				if (m.status() == MemberStatus.FULL || m.status() == MemberStatus.PROBATIONARY) {
					roll.add(m);
				}
			}
			if (!result.hasNext()) {
				return roll;
			}
			page++;
		}
	}

	/**
	 * Records an organisation's session: every member on the roll is present unless
	 * listed in {@code absences} (member id to reason; a reason is required). One
	 * transaction, audited; a second session of the same organisation on the same day is
	 * refused.
	 */
	@Transactional
	public long record(CurrentUser user, long documentId, Long organizationId, LocalDate heldOn,
			Map<Long, String> absences, String note) {
		return record(user, documentId, organizationId, heldOn, absences, note, null);
	}

	/**
	 * As {@link #record}, with the roll already read for the same organisation and day.
	 */
	@Transactional
	long record(CurrentUser user, long documentId, Long organizationId, LocalDate heldOn, Map<Long, String> absences,
			String note, List<MemberListItem> knownRoll) {
		Documents.requireEditor(user);
		DocumentRecord document = this.documents.find(user, documentId);
		if (organizationId == null) {
			throw new InvalidInputException("organizationId", "error.required");
		}
		if (heldOn == null) {
			throw new InvalidInputException("heldOn", "error.required");
		}
		if (heldOn.isBefore(document.issuedOn())) {
			throw new InvalidInputException("heldOn", "error.document.study.before-issue");
		}
		Organization org = this.tree.find(user, organizationId, heldOn)
			.orElseThrow(() -> new InvalidInputException("organizationId", "error.document.issuer.not-found"));
		List<MemberListItem> roll = knownRoll != null ? knownRoll : roll(user, organizationId, heldOn);
		Map<Long, String> absent = absences == null ? Map.of() : absences;
		for (Map.Entry<Long, String> a : absent.entrySet()) {
			if (roll.stream().noneMatch((m) -> m.id() == a.getKey())) {
				throw new InvalidInputException("absences", "error.document.study.not-on-roll", a.getKey());
			}
			if (a.getValue() == null || a.getValue().isBlank()) {
				String name = roll.stream().filter((m) -> m.id() == a.getKey()).findFirst().orElseThrow().fullName();
				throw new InvalidInputException("absenceReason", "error.document.study.reason", name);
			}
		}
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO study_session (document_id, organization_id, held_on, note, recorded_by)
					VALUES (:d, :o, :on, :note, :actor) RETURNING id
					""")
				.param("d", documentId)
				.param("o", organizationId)
				.param("on", heldOn)
				.param("note", note == null || note.isBlank() ? null : VietnameseText.clean(note))
				.param("actor", user.username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolationException("error.document.study.duplicate", org.name(),
					vn.capuy.system.PartyDates.shortForm(heldOn));
		}
		int present = 0;
		Long[] ids = new Long[roll.size()];
		String[] names = new String[roll.size()];
		Boolean[] presence = new Boolean[roll.size()];
		String[] reasons = new String[roll.size()];
		for (int i = 0; i < roll.size(); i++) {
			MemberListItem m = roll.get(i);
			String reason = absent.get(m.id());
			ids[i] = m.id();
			names[i] = m.fullName();
			presence[i] = reason == null;
			reasons[i] = reason == null ? null : VietnameseText.clean(reason);
			if (reason == null) {
				present++;
			}
		}
		// one statement for the whole roll
		this.jdbc.sql("""
				INSERT INTO study_attendance (session_id, member_id, member_name, present, absence_reason)
				SELECT :s, m, n, p, r FROM unnest(CAST(:ids AS bigint[]), CAST(:names AS text[]),
				  CAST(:presence AS boolean[]), CAST(:reasons AS text[])) AS x (m, n, p, r)
				""")
			.param("s", id)
			.param("ids", ids)
			.param("names", names)
			.param("presence", presence)
			.param("reasons", reasons)
			.update();
		this.audit.record(user.username(), "CREATE", "study_session", id, null, Map.of("document", documentId,
				"organization", organizationId, "heldOn", heldOn.toString(), "present", present, "roll", roll.size()));
		return id;
	}

	/** The sessions of a document held by organisations in the caller's scope. */
	public List<Session> sessions(CurrentUser user, long documentId) {
		this.documents.find(user, documentId);
		List<Session> raw = this.jdbc.sql("""
				SELECT s.id, s.organization_id, s.held_on, s.note,
				       (SELECT count(*) FROM study_attendance a WHERE a.session_id = s.id) AS expected,
				       (SELECT count(*) FROM study_attendance a WHERE a.session_id = s.id AND a.present) AS present
				FROM study_session s
				WHERE s.document_id = :d
				  AND s.organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global))
				ORDER BY s.held_on, s.id
				""")
			.param("d", documentId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new Session(rs.getLong(1), rs.getLong(2), null, rs.getObject(3, LocalDate.class),
					rs.getInt(5), rs.getInt(6), rs.getString(4)))
			.list();
		List<Session> named = new ArrayList<>();
		for (Session s : raw) {
			String name = this.tree.find(CurrentUser.system(), s.organizationId(), s.heldOn())
				.map(Organization::name)
				.orElse("#" + s.organizationId());
			named.add(new Session(s.id(), s.organizationId(), name, s.heldOn(), s.expected(), s.present(), s.note()));
		}
		return named;
	}

	/** Who attended a session, present first, then by name. */
	public List<Attendance> attendance(CurrentUser user, long documentId, long sessionId) {
		if (sessions(user, documentId).stream().noneMatch((s) -> s.id() == sessionId)) {
			throw new NotFoundException("study session " + sessionId);
		}
		return this.jdbc.sql("""
				SELECT member_id, member_name, present, absence_reason FROM study_attendance WHERE session_id = :s
				ORDER BY present DESC, member_name COLLATE vi_vn
				""")
			.param("s", sessionId)
			.query((rs, n) -> new Attendance(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
			.list();
	}

	/**
	 * The study of a document on the tree as of a date: for each organisation under the
	 * document's organisation (or the caller's roots when that is outside their scope),
	 * sessions and attendance of its subtree, and the grassroots organisations without a
	 * session in their subtree.
	 */
	public Report report(CurrentUser user, long documentId, LocalDate asOf) {
		DocumentRecord document = this.documents.find(user, documentId);
		LocalDate date = asOf;
		if (date == null) {
			date = this.jdbc.sql("SELECT max(held_on) FROM study_session WHERE document_id = :d")
				.param("d", documentId)
				.query(LocalDate.class)
				.optional()
				.orElse(null);
			if (date == null) {
				date = document.issuedOn();
			}
		}
		Map<Long, int[]> own = new HashMap<>();
		for (Session s : sessions(user, documentId)) {
			if (s.heldOn().isAfter(date)) {
				continue;
			}
			int[] f = own.computeIfAbsent(s.organizationId(), (k) -> new int[3]);
			f[0]++;
			f[1] += s.expected();
			f[2] += s.present();
		}
		List<TreeNode> roots = this.tree.tree(user, date);
		List<TreeNode> start = new ArrayList<>();
		TreeNode scope = document.scopeOrgId() == null ? null : findNode(roots, document.scopeOrgId());
		if (scope != null) {
			start.add(scope);
		}
		else {
			start.addAll(roots);
		}
		List<Row> rows = new ArrayList<>();
		int[] total = new int[3];
		for (TreeNode node : start) {
			int[] f = walk(node, 0, own, rows);
			total[0] += f[0];
			total[1] += f[1];
			total[2] += f[2];
		}
		List<Row> notHeld = rows.stream().filter((r) -> r.grassroots() && !r.held()).toList();
		return new Report(date, rows, notHeld, total[0], total[1], total[2]);
	}

	private static int[] walk(TreeNode node, int depth, Map<Long, int[]> own, List<Row> rows) {
		Organization org = node.getOrganization();
		int index = rows.size();
		rows.add(null);
		int[] sum = own.getOrDefault(org.id(), new int[3]).clone();
		for (TreeNode child : node.getChildren()) {
			int[] c = walk(child, depth + 1, own, rows);
			sum[0] += c[0];
			sum[1] += c[1];
			sum[2] += c[2];
		}
		boolean grassroots = org.type() == OrganizationType.DANG_BO_CO_SO
				|| org.type() == OrganizationType.CHI_BO_CO_SO;
		rows.set(index, new Row(org.id(), org.name(), org.type(), depth, sum[0], sum[1], sum[2], grassroots));
		return sum;
	}

	private static TreeNode findNode(List<TreeNode> nodes, long id) {
		for (TreeNode node : nodes) {
			if (node.getOrganization().id() == id) {
				return node;
			}
			TreeNode found = findNode(node.getChildren(), id);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** Organisations in the caller's scope on a date that may hold a session, by name. */
	public List<Organization> organizations(CurrentUser user, LocalDate date) {
		List<Organization> list = new ArrayList<>(this.tree.list(user, date));
		list.sort((a, b) -> VietnameseText.collator().compare(a.name(), b.name()));
		return list;
	}

	/**
	 * Counts for the review annex, as a year → [sessions, organisations, expected,
	 * present] map.
	 */
	Map<Integer, long[]> perYear(vn.capuy.system.ScopeRef scope, LocalDate from, LocalDate to) {
		Map<Integer, long[]> years = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					SELECT CAST(date_part('year', s.held_on) AS int) y, count(DISTINCT s.id), count(DISTINCT s.organization_id),
					       count(a.member_id), count(a.member_id) FILTER (WHERE a.present)
					FROM study_session s LEFT JOIN study_attendance a ON a.session_id = s.id
					WHERE s.held_on >= :from AND s.held_on <= :to
					  AND s.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
					    WHERE v.valid_from <= s.held_on AND (v.valid_to IS NULL OR v.valid_to > s.held_on))
					GROUP BY 1 ORDER BY 1
					""")
			.param("from", from)
			.param("to", to)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs, n) -> years.put(rs.getInt(1),
					new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }))
			.list();
		return years;
	}

}
