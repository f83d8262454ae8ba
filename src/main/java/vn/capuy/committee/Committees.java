package vn.capuy.committee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

/**
 * Terms and committee positions: a congress opens a term (closing the previous one with
 * its positions and assignments), members are elected or appointed to positions, and a
 * position is closed on a date. Every read is limited to the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class Committees {

	static final String TERM_COLUMNS = """
			SELECT id, organization_id, number, label, congress_date, planned_end, valid_to, opened_by, decision_ref,
			       closed_reason
			FROM committee_term
			""";

	static final String POSITION_COLUMNS = """
			SELECT p.id, p.term_id, p.organization_id,
			       (SELECT n.name FROM organization_name n WHERE n.organization_id = p.organization_id
			        ORDER BY (n.valid_from <= p.valid_from) DESC, n.valid_from DESC LIMIT 1) AS organization_name,
			       p.position, p.member_id, p.member_name, p.valid_from, p.valid_to, p.filled_by, p.decision_ref,
			       p.closed_reason
			FROM committee_position p
			""";

	/** Rule-book key: deputy secretaries a cell may have at one time. */
	static final String DEPUTY_LIMIT = "committee.cell.deputy-secretaries.max";

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final Members members;

	private final RuleBook rules;

	private final AuditLog audit;

	Committees(JdbcClient jdbc, OrganizationTree tree, Members members, RuleBook rules, AuditLog audit) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.members = members;
		this.rules = rules;
		this.audit = audit;
	}

	/** What opens a term: a congress (or an appointment decision) on a date. */
	public record NewTerm(Integer number, String label, LocalDate congressDate, LocalDate plannedEnd, String openedBy,
			String decisionRef) {
	}

	/** A member elected or appointed to a position from a date. */
	public record NewPosition(Position position, Long memberId, LocalDate validFrom, LocalDate validTo,
			FilledBy filledBy, String decisionRef) {
	}

	/**
	 * An organisation's committee on a date: the term in force, the positions held that
	 * day, and every term recorded.
	 */
	public record CommitteeView(Organization organization, LocalDate asOf, CommitteeTerm term,
			List<HeldPosition> positions, List<CommitteeTerm> terms) {

		/** Members of the executive (or cell) committee that day, each counted once. */
		public long executiveSize() {
			return this.positions.stream()
				.filter((p) -> p.position().executive())
				.map(HeldPosition::memberId)
				.distinct()
				.count();
		}

		public Optional<HeldPosition> secretary() {
			return this.positions.stream().filter((p) -> p.position() == Position.SECRETARY).findFirst();
		}

	}

	/**
	 * Opens a term on the congress date; the term in force then closes that day with its
	 * positions and assignments. The planned end comes from the rule book when not given.
	 * One transaction, audited.
	 */
	@Transactional
	public long openTerm(CurrentUser user, long organizationId, NewTerm spec) {
		return open(user, organizationId, spec).id();
	}

	/**
	 * A term opened in an organisation, as the organisation stood on the congress day.
	 */
	private record Opened(long id, Organization organization) {
	}

	private Opened open(CurrentUser user, long organizationId, NewTerm spec) {
		requireEditor(user);
		if (spec.congressDate() == null) {
			throw new InvalidInputException("congressDate", "error.required");
		}
		if (spec.label() == null || spec.label().isBlank()) {
			throw new InvalidInputException("label", "error.required");
		}
		String openedBy = spec.openedBy() == null ? "CONGRESS" : spec.openedBy();
		if (!List.of("CONGRESS", "APPOINTMENT").contains(openedBy)) {
			throw new InvalidInputException("openedBy", "committee.error.opened-by");
		}
		Organization org = this.tree.get(user, organizationId, spec.congressDate());
		if (org.type() == OrganizationType.TO_DANG) {
			throw new InvalidInputException("organizationId", "committee.error.term.party-group");
		}
		LocalDate plannedEnd = spec.plannedEnd() != null ? spec.plannedEnd()
				: spec.congressDate().plusMonths(termMonths(org.type(), spec.congressDate()));
		if (!plannedEnd.isAfter(spec.congressDate())) {
			throw new InvalidInputException("plannedEnd", "committee.error.planned-end");
		}
		boolean later = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM committee_term WHERE organization_id = :org AND congress_date >= :d)
				""").param("org", organizationId).param("d", spec.congressDate()).query(Boolean.class).single();
		if (later) {
			throw new RuleViolationException("committee.error.term.overlap", org.name(), spec.congressDate());
		}
		closeTermsFrom(organizationId, spec.congressDate(), "NEXT_TERM", user);
		long id = this.jdbc.sql("""
				INSERT INTO committee_term (organization_id, number, label, congress_date, planned_end, opened_by,
				  decision_ref, recorded_by)
				VALUES (:org, :number, :label, :from, :end, :openedBy, :ref, :actor) RETURNING id
				""")
			.param("org", organizationId)
			.param("number", spec.number())
			.param("label", spec.label().strip())
			.param("from", spec.congressDate())
			.param("end", plannedEnd)
			.param("openedBy", openedBy)
			.param("ref", blankToNull(spec.decisionRef()))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "OPEN_TERM", "committee_term", id, null, spec);
		return new Opened(id, org);
	}

	/**
	 * Closes everything the committee module holds for an organisation that ends on the
	 * date (merged, split, dissolved): its term with its positions and assignments, its
	 * regulations, its secretary-as-head period, and the assignment of whoever followed
	 * it. One transaction, audited.
	 */
	@Transactional
	public void closeOrganization(CurrentUser user, long organizationId, LocalDate date, String reason) {
		for (String table : List.of("committee_term", "committee_position", "field_assignment", "follow_assignment",
				"secretary_agency_head")) {
			String start = "committee_term".equals(table) ? "congress_date" : "valid_from";
			// table and column names are fixed literals of this module, never user input
			this.jdbc.sql("""
					UPDATE %s SET valid_to = :d, closed_reason = :reason
					WHERE organization_id = :org AND %s < :d AND (valid_to IS NULL OR valid_to > :d)
					""".formatted(table, start))
				.param("d", date)
				.param("reason", reason)
				.param("org", organizationId)
				.update();
		}
		this.jdbc.sql("""
				UPDATE regulation SET valid_to = :d, closed_reason = :reason
				WHERE organization_id = :org AND adopted_on < :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", date).param("reason", reason).param("org", organizationId).update();
		this.jdbc.sql("""
				UPDATE follow_assignment SET valid_to = :d, closed_reason = :reason
				WHERE followed_organization_id = :org AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", date).param("reason", reason).param("org", organizationId).update();
		this.audit.record(user.username(), "CLOSE_ORGANIZATION", "committee_term", organizationId, null,
				Map.of("date", date, "reason", reason));
	}

	/** The committees of merged organisations end on the merge date. */
	@org.springframework.context.event.EventListener
	@Transactional
	public void on(vn.capuy.organization.OrganizationEvents.OrganizationsMerged event) {
		CurrentUser actor = CurrentUser.system();
		for (Long predecessor : event.predecessorIds()) {
			closeOrganization(actor, predecessor, event.date(), "MERGED");
		}
	}

	/** The committee of a split organisation ends on the split date. */
	@org.springframework.context.event.EventListener
	@Transactional
	public void on(vn.capuy.organization.OrganizationEvents.OrganizationSplit event) {
		closeOrganization(CurrentUser.system(), event.predecessorId(), event.date(), "SPLIT");
	}

	/** Term length in months for the type, from the rule book. */
	int termMonths(OrganizationType type, LocalDate on) {
		if (type == OrganizationType.CHI_BO_TRUC_THUOC) {
			return this.rules.integer("committee.term.months.subordinate-cell", on);
		}
		return this.rules.integer("committee.term.months", on);
	}

	private void closeTermsFrom(long organizationId, LocalDate date, String reason, CurrentUser user) {
		int terms = this.jdbc.sql("""
				UPDATE committee_term SET valid_to = :d, closed_reason = :reason
				WHERE organization_id = :org AND congress_date < :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", date).param("reason", reason).param("org", organizationId).update();
		if (terms == 0) {
			return;
		}
		for (String table : List.of("committee_position", "field_assignment", "follow_assignment")) {
			// table names are fixed literals of this module, never user input
			this.jdbc.sql("""
					UPDATE %s SET valid_to = :d, closed_reason = 'TERM_ENDED'
					WHERE organization_id = :org AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
					""".formatted(table)).param("d", date).param("org", organizationId).update();
		}
		this.audit.record(user.username(), "CLOSE_TERM", "committee_term", organizationId, null, date);
	}

	/**
	 * Records a member in a position from a date, within the term in force then. The
	 * member must be in the caller's scope and in the Party on that date; a position
	 * never overlaps itself. One transaction, audited.
	 */
	@Transactional
	public long recordPosition(CurrentUser user, long organizationId, NewPosition spec) {
		requireEditor(user);
		if (spec.position() == null) {
			throw new InvalidInputException("position", "error.required");
		}
		if (spec.validFrom() == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		if (spec.memberId() == null) {
			throw new InvalidInputException("memberId", "error.required");
		}
		if (spec.validTo() != null && !spec.validTo().isAfter(spec.validFrom())) {
			throw new InvalidInputException("validTo", "committee.error.valid-to");
		}
		Organization org = this.tree.get(user, organizationId, spec.validFrom());
		if (!spec.position().allowedIn(org.type())) {
			throw new InvalidInputException("position", "committee.error.position.not-allowed");
		}
		CommitteeTerm term = termOn(organizationId, spec.validFrom()).orElseThrow(
				() -> new RuleViolationException("committee.error.position.no-term", org.name(), spec.validFrom()));
		if (term.validTo() != null && (spec.validTo() == null || spec.validTo().isAfter(term.validTo()))) {
			throw new InvalidInputException("validTo", "committee.error.position.after-term", term.validTo());
		}
		String memberName = requireMembersWithin(user, org, List.of(spec.memberId()), spec.validFrom())
			.get(spec.memberId());
		checkOverlap(organizationId, spec.position(), spec.memberId(), spec.validFrom(), spec.validTo());
		if (spec.position() == Position.DEPUTY_SECRETARY && org.type().isCell()) {
			checkDeputyLimit(org, spec.memberId(), spec.validFrom(), spec.validTo());
		}
		long id = this.jdbc.sql("""
				INSERT INTO committee_position (term_id, organization_id, position, member_id, member_name, valid_from,
				  valid_to, filled_by, decision_ref, recorded_by)
				VALUES (:term, :org, :position, :member, :name, :from, :to, :filledBy, :ref, :actor) RETURNING id
				""")
			.param("term", term.id())
			.param("org", organizationId)
			.param("position", spec.position().name())
			.param("member", spec.memberId())
			.param("name", memberName)
			.param("from", spec.validFrom())
			.param("to", spec.validTo())
			.param("filledBy", (spec.filledBy() == null ? FilledBy.ELECTED : spec.filledBy()).name())
			.param("ref", blankToNull(spec.decisionRef()))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "RECORD_POSITION", "committee_position", id, null, spec);
		return id;
	}

	/** A seat filled at a congress. */
	public record Seat(Position position, long memberId) {
	}

	/**
	 * Records a congress: opens the term and fills its seats in one go (as the minutes of
	 * the election list them). Members are checked like {@link #recordPosition}: in the
	 * caller's scope and in the Party on the congress date; a seat list that would make a
	 * position overlap itself is refused. One transaction, audited.
	 */
	@Transactional
	public long recordCongress(CurrentUser user, long organizationId, NewTerm term, FilledBy filledBy,
			String decisionRef, List<Seat> seats) {
		Opened opened = open(user, organizationId, term);
		long termId = opened.id();
		LocalDate from = term.congressDate();
		Organization org = opened.organization();
		java.util.Set<String> taken = new java.util.HashSet<>();
		for (Seat seat : seats) {
			if (!seat.position().allowedIn(org.type())) {
				throw new InvalidInputException("position", "committee.error.position.not-allowed");
			}
			if (!taken.add(seat.position() + ":" + seat.memberId())
					|| (seat.position().singleSeat() && !taken.add(seat.position().name()))) {
				throw new RuleViolationException("committee.error.position.overlap", seat.memberId(), from);
			}
		}
		if (org.type().isCell()) {
			long deputies = seats.stream().filter((s) -> s.position() == Position.DEPUTY_SECRETARY).count();
			Optional<Rule> limit = this.rules.inForce(DEPUTY_LIMIT, from);
			if (limit.isPresent() && deputies > Integer.parseInt(limit.get().value().strip())) {
				throw new RuleViolationException("committee.error.cell.deputy-limit.seats", limit.get().value(),
						limit.get().sourceDocument(), deputies);
			}
		}
		// every seat checked at once: in the Party and in the organisation's own subtree
		Map<Long, String> names = requireMembersWithin(user, org,
				seats.stream().map(Seat::memberId).distinct().toList(), from);
		StringBuilder values = new StringBuilder();
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("term", termId);
		params.put("org", organizationId);
		params.put("from", from);
		params.put("filledBy", (filledBy == null ? FilledBy.ELECTED : filledBy).name());
		params.put("ref", blankToNull(decisionRef));
		params.put("actor", user.username());
		int i = 0;
		for (Seat seat : seats) {
			String name = names.get(seat.memberId());
			values.append(i == 0 ? "" : ", ")
				.append("(:term, :org, :p")
				.append(i)
				.append(", :m")
				.append(i)
				.append(", :n")
				.append(i)
				.append(", :from, :filledBy, :ref, :actor)");
			params.put("p" + i, seat.position().name());
			params.put("m" + i, seat.memberId());
			params.put("n" + i, name);
			i++;
		}
		if (!seats.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO committee_position (term_id, organization_id, position, member_id, member_name,
					  valid_from, filled_by, decision_ref, recorded_by)
					VALUES
					""" + values).params(params).update();
		}
		this.audit.record(user.username(), "RECORD_CONGRESS", "committee_term", termId, null,
				Map.of("organizationId", organizationId, "seats", seats));
		return termId;
	}

	/**
	 * The names of the members when each of them is, on the date, in the Party and placed
	 * in the organisation or one below it, in the caller's scope; otherwise bad input on
	 * the member field saying which of these fails for the first member refused. One
	 * query when all are accepted; the refusal is explained member by member.
	 */
	Map<Long, String> requireMembersWithin(CurrentUser user, Organization org, List<Long> memberIds, LocalDate date) {
		Map<Long, String> names = this.members.inPartyWithin(user, org.id(), memberIds, date);
		for (Long memberId : memberIds) {
			if (!names.containsKey(memberId)) {
				throw refusal(user, org, memberId, date);
			}
		}
		return names;
	}

	/** Why a member cannot hold a position in the organisation on the date. */
	private InvalidInputException refusal(CurrentUser user, Organization org, long memberId, LocalDate date) {
		MemberFile file;
		try {
			file = this.members.get(user, memberId);
		}
		catch (NotFoundException ex) {
			return new InvalidInputException("memberId", "committee.error.member.out-of-scope", memberId);
		}
		boolean inParty = file.statuses()
			.stream()
			.anyMatch((s) -> s.status().inParty() && !date.isBefore(s.validFrom())
					&& (s.validTo() == null || date.isBefore(s.validTo())));
		if (!inParty) {
			return new InvalidInputException("memberId", "committee.error.member.not-in-party",
					file.record().fullName(), date);
		}
		String placedIn = file.placements()
			.stream()
			.filter((p) -> !date.isBefore(p.validFrom()) && (p.validTo() == null || date.isBefore(p.validTo())))
			.map(MemberFile.Placement::organizationName)
			.findFirst()
			.orElse("—");
		return new InvalidInputException("memberId", "committee.error.member.outside-organization",
				file.record().fullName(), placedIn, org.name(), date);
	}

	/**
	 * A cell has at most the rule book's number of deputy secretaries at any one time
	 * (one, QĐ 294); refused naming the rule and a deputy already in office.
	 */
	private void checkDeputyLimit(Organization org, long memberId, LocalDate from, LocalDate to) {
		Optional<Rule> limit = this.rules.inForce(DEPUTY_LIMIT, from);
		if (limit.isEmpty()) {
			return;
		}
		int max = Integer.parseInt(limit.get().value().strip());
		List<HeldPosition> others = this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.organization_id = :org AND p.position = 'DEPUTY_SECRETARY' AND p.member_id <> :member
				  AND daterange(p.valid_from, p.valid_to) && daterange(:from, :to)
				ORDER BY p.valid_from
				""")
			.param("org", org.id())
			.param("member", memberId)
			.param("from", from)
			.param("to", to)
			.query(Committees::mapPosition)
			.list();
		// the most deputies in office together at some day of the new period: the count
		// is highest on a day some period starts
		for (HeldPosition start : others) {
			LocalDate day = start.validFrom().isAfter(from) ? start.validFrom() : from;
			List<HeldPosition> together = others.stream()
				.filter((p) -> !day.isBefore(p.validFrom()) && (p.validTo() == null || day.isBefore(p.validTo())))
				.toList();
			if (together.size() + 1 > max) {
				HeldPosition holder = together.get(0);
				throw new RuleViolationException("committee.error.cell.deputy-limit", limit.get().value(),
						limit.get().sourceDocument(), holder.memberName(), holder.validFrom());
			}
		}
	}

	private void checkOverlap(long organizationId, Position position, long memberId, LocalDate from, LocalDate to) {
		List<HeldPosition> overlapping = this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.organization_id = :org AND p.position = :position
				  AND daterange(p.valid_from, p.valid_to) && daterange(:from, :to)
				""")
			.param("org", organizationId)
			.param("position", position.name())
			.param("from", from)
			.param("to", to)
			.query(Committees::mapPosition)
			.list();
		for (HeldPosition other : overlapping) {
			if (other.memberId() == memberId) {
				throw new RuleViolationException("committee.error.position.overlap", other.memberName(),
						other.validFrom());
			}
			if (position.singleSeat()) {
				throw new RuleViolationException("committee.error.position.seat-taken", other.memberName(),
						other.validFrom());
			}
		}
	}

	/** Ends a position on a date (exclusive) with a reason. One transaction, audited. */
	@Transactional
	public void closePosition(CurrentUser user, long positionId, LocalDate date, String reason) {
		requireEditor(user);
		if (date == null) {
			throw new InvalidInputException("date", "error.required");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.required");
		}
		HeldPosition position = position(user, positionId);
		if (!date.isAfter(position.validFrom())) {
			throw new InvalidInputException("date", "committee.error.close.after", position.validFrom());
		}
		if (position.validTo() != null && !date.isBefore(position.validTo())) {
			throw new RuleViolationException("committee.error.close.already", position.validTo());
		}
		this.jdbc.sql("UPDATE committee_position SET valid_to = :d, closed_reason = :reason WHERE id = :id")
			.param("d", date)
			.param("reason", reason.strip())
			.param("id", positionId)
			.update();
		this.audit.record(user.username(), "CLOSE_POSITION", "committee_position", positionId, position.validTo(),
				Map.of("validTo", date, "reason", reason));
	}

	/** One position, or 404 when its organisation was never in the caller's scope. */
	public HeldPosition position(CurrentUser user, long positionId) {
		HeldPosition position = this.jdbc.sql(POSITION_COLUMNS + " WHERE p.id = :id")
			.param("id", positionId)
			.query(Committees::mapPosition)
			.optional()
			.orElseThrow(() -> new NotFoundException("position " + positionId));
		if (!this.tree.visibleEver(user, position.organizationId())) {
			throw new NotFoundException("position " + positionId);
		}
		return position;
	}

	/**
	 * The committee of an organisation on a date (the organisation as it last stood when
	 * it no longer exists then), or 404 outside the caller's scope.
	 */
	public CommitteeView committee(CurrentUser user, long organizationId, LocalDate date) {
		Organization org = this.tree.find(user, organizationId, date)
			.orElseGet(() -> this.tree.getLatestVisible(user, organizationId));
		List<HeldPosition> positions = this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.organization_id = :org AND p.valid_from <= :d AND (p.valid_to IS NULL OR p.valid_to > :d)
				ORDER BY array_position(ARRAY['SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER', 'COMMITTEE_MEMBER',
				  'INSPECTION_CHAIR', 'INSPECTION_DEPUTY_CHAIR', 'INSPECTION_MEMBER'], p.position),
				  p.member_name COLLATE vi_vn, p.id
				""").param("org", organizationId).param("d", date).query(Committees::mapPosition).list();
		return new CommitteeView(org, date, termOn(organizationId, date).orElse(null), positions,
				terms(organizationId));
	}

	/** Every position of the organisation over time, newest first. */
	public List<HeldPosition> history(CurrentUser user, long organizationId) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		return this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.organization_id = :org ORDER BY p.valid_from DESC, p.position, p.member_name COLLATE vi_vn
				""").param("org", organizationId).query(Committees::mapPosition).list();
	}

	/**
	 * A member's positions across time in organisations the caller may see, oldest first;
	 * 404 when the member was never in the caller's scope.
	 */
	public List<HeldPosition> positionsOf(CurrentUser user, long memberId) {
		if (!this.members.visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		return this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.member_id = :member
				  AND p.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
				ORDER BY p.valid_from, p.id
				""")
			.param("member", memberId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Committees::mapPosition)
			.list();
	}

	/** The positions held in one organisation on a date (no scope: callers check). */
	List<HeldPosition> positionsIn(long organizationId, LocalDate date) {
		return this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.organization_id = :org AND p.valid_from <= :d AND (p.valid_to IS NULL OR p.valid_to > :d)
				""").param("org", organizationId).param("d", date).query(Committees::mapPosition).list();
	}

	/**
	 * The positions a member holds in one organisation on a date (no scope: callers
	 * check).
	 */
	List<HeldPosition> positionsOfMemberIn(long organizationId, long memberId, LocalDate date) {
		return this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.organization_id = :org AND p.member_id = :member AND p.valid_from <= :d
				  AND (p.valid_to IS NULL OR p.valid_to > :d)
				""")
			.param("org", organizationId)
			.param("member", memberId)
			.param("d", date)
			.query(Committees::mapPosition)
			.list();
	}

	/** Positions in force on the date in the caller's scope (for lists and figures). */
	public List<HeldPosition> positionsOn(CurrentUser user, LocalDate date) {
		return this.jdbc.sql(POSITION_COLUMNS + """
				WHERE p.valid_from <= :d AND (p.valid_to IS NULL OR p.valid_to > :d)
				  AND p.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				""")
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Committees::mapPosition)
			.list();
	}

	public List<CommitteeTerm> terms(long organizationId) {
		return this.jdbc.sql(TERM_COLUMNS + " WHERE organization_id = :org ORDER BY congress_date DESC")
			.param("org", organizationId)
			.query(Committees::mapTerm)
			.list();
	}

	public Optional<CommitteeTerm> termOn(long organizationId, LocalDate date) {
		return this.jdbc.sql(TERM_COLUMNS + """
				WHERE organization_id = :org AND congress_date <= :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("org", organizationId).param("d", date).query(Committees::mapTerm).optional();
	}

	static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new AccessDeniedException("committee edits");
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static CommitteeTerm mapTerm(ResultSet rs, int row) throws SQLException {
		return new CommitteeTerm(rs.getLong("id"), rs.getLong("organization_id"), (Integer) rs.getObject("number"),
				rs.getString("label"), rs.getObject("congress_date", LocalDate.class),
				rs.getObject("planned_end", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("opened_by"), rs.getString("decision_ref"), rs.getString("closed_reason"));
	}

	static HeldPosition mapPosition(ResultSet rs, int row) throws SQLException {
		return new HeldPosition(rs.getLong("id"), rs.getLong("term_id"), rs.getLong("organization_id"),
				rs.getString("organization_name"), Position.valueOf(rs.getString("position")), rs.getLong("member_id"),
				rs.getString("member_name"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), FilledBy.valueOf(rs.getString("filled_by")),
				rs.getString("decision_ref"), rs.getString("closed_reason"));
	}

}
