package vn.capuy.massorg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberFile;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.ScopeRef;

/**
 * The mass organisations each party organisation leads in its agency, with their leaders
 * (linked to the member register where they are party members), member counts by year,
 * the party's decisions concerning them, and Youth Union members proposed as candidates
 * for admission (status {@code PROPOSED}, picked up by the admission pipeline). Every
 * read is limited to the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class MassOrganizations {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final Members members;

	private final AuditLog audit;

	MassOrganizations(JdbcClient jdbc, OrganizationTree tree, Members members, AuditLog audit) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.members = members;
		this.audit = audit;
	}

	/** A mass organisation led by a party organisation. */
	public record MassOrganization(long id, long organizationId, String organizationName, MassOrgKind kind, String name,
			LocalDate validFrom, LocalDate validTo, Integer latestCount, Integer latestCountYear) {
	}

	/** A leader of a mass organisation; {@code memberId} when they are a party member. */
	public record Leader(long id, String fullName, Long memberId, LeaderTitle title, LocalDate validFrom,
			LocalDate validTo, String decisionRef) {
	}

	/** A party decision concerning a mass organisation. */
	public record Decision(long id, String symbol, LocalDate issuedOn, String subject) {
	}

	/** A Youth Union member proposed for admission to the Party. */
	public record Candidate(long id, long massOrganizationId, String massOrganizationName, long organizationId,
			String fullName, LocalDate dateOfBirth, LocalDate proposedOn, String status, String note) {
	}

	/** A mass organisation with everything recorded about it. */
	public record Detail(MassOrganization unit, List<Leader> leaders, Map<Integer, Integer> counts,
			List<Decision> decisions, List<Candidate> candidates) {
	}

	private static final String SELECT = """
			SELECT m.id, m.organization_id, m.kind, m.name, m.valid_from, m.valid_to,
			       (SELECT c.members FROM mass_organization_count c WHERE c.mass_organization_id = m.id
			        AND c.year <= extract(year FROM CAST(:d AS date)) ORDER BY c.year DESC LIMIT 1) AS latest_count,
			       (SELECT c.year FROM mass_organization_count c WHERE c.mass_organization_id = m.id
			        AND c.year <= extract(year FROM CAST(:d AS date)) ORDER BY c.year DESC LIMIT 1) AS latest_year
			FROM mass_organization m
			""";

	/** Creates a mass organisation led by a party organisation from a date. */
	@Transactional
	public long create(CurrentUser user, long organizationId, MassOrgKind kind, String name, LocalDate from) {
		requireEditor(user);
		if (kind == null) {
			throw new InvalidInputException("kind", "error.required");
		}
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "error.required");
		}
		if (from == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		this.tree.get(user, organizationId, from);
		long id = this.jdbc.sql("""
				INSERT INTO mass_organization (organization_id, kind, name, valid_from, recorded_by)
				VALUES (:org, :kind, :name, :from, :actor) RETURNING id
				""")
			.param("org", organizationId)
			.param("kind", kind.name())
			.param("name", name.strip())
			.param("from", from)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "CREATE", "mass_organization", id, null,
				Map.of("organizationId", organizationId, "kind", kind, "name", name));
		return id;
	}

	/** Closes a mass organisation on a date with a reason. */
	@Transactional
	public void close(CurrentUser user, long id, LocalDate date, String reason) {
		requireEditor(user);
		MassOrganization unit = get(user, id, date).unit();
		if (date == null || !date.isAfter(unit.validFrom())) {
			throw new InvalidInputException("date", "massorg.error.after", unit.validFrom());
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.required");
		}
		this.jdbc.sql("UPDATE mass_organization SET valid_to = :d, closed_reason = :r WHERE id = :id")
			.param("d", date)
			.param("r", reason.strip())
			.param("id", id)
			.update();
		this.audit.record(user.username(), "CLOSE", "mass_organization", id, null, date);
	}

	/**
	 * Records a leader from a date; when {@code memberId} is given the member must be in
	 * the caller's scope, and the name is taken from the register.
	 */
	@Transactional
	public long addLeader(CurrentUser user, long massOrgId, String fullName, Long memberId, LeaderTitle title,
			LocalDate from, String decisionRef) {
		requireEditor(user);
		if (title == null) {
			throw new InvalidInputException("title", "error.required");
		}
		if (from == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		requireUnit(user, massOrgId);
		String name = fullName;
		if (memberId != null) {
			try {
				MemberFile file = this.members.get(user, memberId);
				name = file.record().fullName();
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("memberId", "massorg.error.member.out-of-scope", memberId);
			}
		}
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("fullName", "error.required");
		}
		this.jdbc.sql("""
				UPDATE mass_organization_leader SET valid_to = :d, closed_reason = 'REPLACED'
				WHERE mass_organization_id = :m AND title = :title AND :title IN ('CHAIR', 'SECRETARY')
				  AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", from).param("m", massOrgId).param("title", title.name()).update();
		long id = this.jdbc.sql("""
				INSERT INTO mass_organization_leader (mass_organization_id, full_name, member_id, title, valid_from,
				  decision_ref, recorded_by)
				VALUES (:m, :name, :member, :title, :from, :ref, :actor) RETURNING id
				""")
			.param("m", massOrgId)
			.param("name", name.strip())
			.param("member", memberId)
			.param("title", title.name())
			.param("from", from)
			.param("ref", decisionRef == null || decisionRef.isBlank() ? null : decisionRef.strip())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ADD_LEADER", "mass_organization_leader", id, null,
				Map.of("massOrganizationId", massOrgId, "name", name, "title", title));
		return id;
	}

	/** Records (or corrects) the member count of a year. */
	@Transactional
	public void recordCount(CurrentUser user, long massOrgId, int year, int count) {
		requireEditor(user);
		if (count < 0) {
			throw new InvalidInputException("members", "massorg.error.count");
		}
		requireUnit(user, massOrgId);
		this.jdbc.sql("""
				INSERT INTO mass_organization_count (mass_organization_id, year, members, recorded_by)
				VALUES (:m, :y, :c, :actor)
				ON CONFLICT (mass_organization_id, year) DO UPDATE SET members = excluded.members,
				  recorded_by = excluded.recorded_by
				""").param("m", massOrgId).param("y", year).param("c", count).param("actor", user.username()).update();
		this.audit.record(user.username(), "COUNT", "mass_organization", massOrgId, null,
				Map.of("year", year, "members", count));
	}

	/**
	 * Records the member counts of several years at once (as a yearly report lists them).
	 */
	@Transactional
	public void recordCounts(CurrentUser user, long massOrgId, Map<Integer, Integer> counts) {
		requireEditor(user);
		requireUnit(user, massOrgId);
		for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
			if (e.getValue() == null || e.getValue() < 0) {
				throw new InvalidInputException("members", "massorg.error.count");
			}
		}
		for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
			this.jdbc.sql("""
					INSERT INTO mass_organization_count (mass_organization_id, year, members, recorded_by)
					VALUES (:m, :y, :c, :actor)
					ON CONFLICT (mass_organization_id, year) DO UPDATE SET members = excluded.members,
					  recorded_by = excluded.recorded_by
					""")
				.param("m", massOrgId)
				.param("y", e.getKey())
				.param("c", e.getValue())
				.param("actor", user.username())
				.update();
		}
		this.audit.record(user.username(), "COUNTS", "mass_organization", massOrgId, null, counts);
	}

	/** Records a party decision concerning the mass organisation. */
	@Transactional
	public long recordDecision(CurrentUser user, long massOrgId, String symbol, LocalDate issuedOn, String subject) {
		requireEditor(user);
		if (symbol == null || symbol.isBlank()) {
			throw new InvalidInputException("symbol", "error.required");
		}
		if (issuedOn == null) {
			throw new InvalidInputException("issuedOn", "error.required");
		}
		if (subject == null || subject.isBlank()) {
			throw new InvalidInputException("decisionSubject", "error.required");
		}
		requireUnit(user, massOrgId);
		long id = this.jdbc.sql("""
				INSERT INTO mass_organization_decision (mass_organization_id, symbol, issued_on, subject, recorded_by)
				VALUES (:m, :s, :d, :subject, :actor) RETURNING id
				""")
			.param("m", massOrgId)
			.param("s", symbol.strip())
			.param("d", issuedOn)
			.param("subject", subject.strip())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "DECISION", "mass_organization_decision", id, null, symbol);
		return id;
	}

	/** Proposes a Youth Union member as a candidate for admission (status PROPOSED). */
	@Transactional
	public long proposeCandidate(CurrentUser user, long massOrgId, String fullName, LocalDate dateOfBirth,
			LocalDate proposedOn, String note) {
		requireEditor(user);
		if (fullName == null || fullName.isBlank()) {
			throw new InvalidInputException("fullName", "error.required");
		}
		if (proposedOn == null) {
			throw new InvalidInputException("proposedOn", "error.required");
		}
		if (requireUnit(user, massOrgId) != MassOrgKind.YOUTH_UNION) {
			throw new InvalidInputException("massOrganizationId", "massorg.error.candidate.youth-union");
		}
		long id = this.jdbc.sql("""
				INSERT INTO youth_candidate (mass_organization_id, full_name, date_of_birth, proposed_on, note,
				  recorded_by)
				VALUES (:m, :name, :dob, :d, :note, :actor) RETURNING id
				""")
			.param("m", massOrgId)
			.param("name", java.text.Normalizer.normalize(fullName.strip(), java.text.Normalizer.Form.NFC))
			.param("dob", dateOfBirth)
			.param("d", proposedOn)
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "PROPOSE", "youth_candidate", id, null, fullName);
		return id;
	}

	/** Mass organisations in force on the date in the caller's scope. */
	public List<MassOrganization> list(CurrentUser user, LocalDate date) {
		Map<Long, String> names = new HashMap<>();
		this.tree.list(user, date).forEach((o) -> names.put(o.id(), o.name()));
		return this.jdbc.sql(SELECT + """
				WHERE m.valid_from <= :d AND (m.valid_to IS NULL OR m.valid_to > :d)
				  AND m.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				ORDER BY m.organization_id, m.kind, m.id
				""")
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> map(rs, names))
			.list();
	}

	/**
	 * One mass organisation with its leaders, counts, decisions and candidates, or 404.
	 */
	public Detail get(CurrentUser user, long id, LocalDate date) {
		MassOrganization found = this.jdbc.sql(SELECT + " WHERE m.id = :id")
			.param("id", id)
			.param("d", date)
			.query((rs, n) -> map(rs, Map.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("mass organization " + id));
		if (!this.tree.visibleEver(user, found.organizationId())) {
			throw new NotFoundException("mass organization " + id);
		}
		Organization org = this.tree.find(user, found.organizationId(), date)
			.orElseGet(() -> this.tree.getLatestVisible(user, found.organizationId()));
		MassOrganization unit = new MassOrganization(found.id(), found.organizationId(), org.name(), found.kind(),
				found.name(), found.validFrom(), found.validTo(), found.latestCount(), found.latestCountYear());
		List<Leader> leaders = this.jdbc.sql("""
				SELECT id, full_name, member_id, title, valid_from, valid_to, decision_ref FROM mass_organization_leader
				WHERE mass_organization_id = :id ORDER BY valid_from DESC, title
				""")
			.param("id", id)
			.query((rs, n) -> new Leader(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
					LeaderTitle.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class), rs.getString(7)))
			.list();
		Map<Integer, Integer> counts = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT year, members FROM mass_organization_count WHERE mass_organization_id = :id")
			.param("id", id)
			.query((rs, n) -> counts.put(rs.getInt(1), rs.getInt(2)))
			.list();
		List<Decision> decisions = this.jdbc.sql("""
				SELECT id, symbol, issued_on, subject FROM mass_organization_decision WHERE mass_organization_id = :id
				ORDER BY issued_on DESC
				""")
			.param("id", id)
			.query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4)))
			.list();
		String name = unit.name();
		long orgId = unit.organizationId();
		List<Candidate> candidates = this.jdbc.sql("""
				SELECT id, mass_organization_id, full_name, date_of_birth, proposed_on, status, note
				FROM youth_candidate WHERE mass_organization_id = :id ORDER BY proposed_on DESC
				""")
			.param("id", id)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), name, orgId, rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getString(7)))
			.list();
		return new Detail(unit, leaders, counts, decisions, candidates);
	}

	/**
	 * Candidates with a status in the caller's scope (the admission pipeline takes the
	 * {@code PROPOSED} ones).
	 */
	public List<Candidate> candidates(CurrentUser user, String status) {
		return this.jdbc.sql("""
				SELECT y.id, y.mass_organization_id, m.name, m.organization_id, y.full_name, y.date_of_birth,
				       y.proposed_on, y.status, y.note
				FROM youth_candidate y JOIN mass_organization m ON m.id = y.mass_organization_id
				WHERE (CAST(:status AS text) IS NULL OR y.status = :status)
				  AND m.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
				ORDER BY y.proposed_on DESC, y.id
				""")
			.param("status", status)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
					rs.getString(8), rs.getString(9)))
			.list();
	}

	/** Mass organisations led per party organisation on the date, within a scope. */
	public Map<Long, Integer> ledCounts(ScopeRef scope, LocalDate date) {
		Map<Long, Integer> result = new HashMap<>();
		this.jdbc.sql("""
				SELECT organization_id, count(*) FROM mass_organization
				WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				  AND organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				GROUP BY organization_id
				""")
			.param("d", date)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return result;
	}

	/** The kind of a unit the caller may see, or 404. */
	private MassOrgKind requireUnit(CurrentUser user, long id) {
		record Unit(long organizationId, MassOrgKind kind) {
		}
		Unit unit = this.jdbc.sql("SELECT organization_id, kind FROM mass_organization WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Unit(rs.getLong(1), MassOrgKind.valueOf(rs.getString(2))))
			.optional()
			.orElseThrow(() -> new NotFoundException("mass organization " + id));
		if (!this.tree.visibleEver(user, unit.organizationId())) {
			throw new NotFoundException("mass organization " + id);
		}
		return unit.kind();
	}

	private static MassOrganization map(ResultSet rs, Map<Long, String> names) throws SQLException {
		return new MassOrganization(rs.getLong("id"), rs.getLong("organization_id"),
				names.get(rs.getLong("organization_id")), MassOrgKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), (Integer) rs.getObject("latest_count"),
				rs.getObject("latest_year") == null ? null : ((Number) rs.getObject("latest_year")).intValue());
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new AccessDeniedException("mass organization edits");
		}
	}

}
