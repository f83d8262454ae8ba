package vn.capuy.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.MemberCounts;
import vn.capuy.organization.MemberCountsProvider;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationEvents;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.FieldCipher;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * The member register: registration and correction of records, the list and search on a
 * date, the member's file, and members moving with their organisations when the tree is
 * restructured. Every read is limited in SQL to the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class Members implements MemberCountsProvider {

	/** From how many organisations on the counts of the whole tree are read instead. */
	private static final int CACHED_FROM = 200;

	private static final String ACTIVE_ON = "valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)";

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final OrganizationTree tree;

	private final AuditLog audit;

	private final Today today;

	private final FieldCipher cipher;

	private final long countCap;

	/**
	 * The cap of a count when words are searched: matching words costs more per row than
	 * walking the list, and "more than 1,000 matches" already tells the reader to type
	 * more.
	 */
	private final long searchCountCap;

	private final MemberCountCache countCache;

	Members(JdbcClient jdbc, RuleBook rules, OrganizationTree tree, AuditLog audit, Today today, FieldCipher cipher,
			@Value("${capuy.list.count-cap:10000}") long countCap,
			@Value("${capuy.list.search-count-cap:1000}") long searchCountCap, MemberCountCache countCache) {
		this.searchCountCap = searchCountCap;
		this.cipher = cipher;
		this.countCap = countCap;
		this.countCache = countCache;
		this.jdbc = jdbc;
		this.rules = rules;
		this.tree = tree;
		this.audit = audit;
		this.today = today;
	}

	/**
	 * What the member list asks: words to find, an organisation subtree, a status, a
	 * date, a page.
	 */
	public record Query(String q, Long organizationId, MemberStatus status, LocalDate asOf, int page, int size) {
	}

	/**
	 * Members on the date in the caller's scope. Search folds case, diacritics, {@code đ}
	 * and tone placement; the order is Vietnamese: by given name, then full name. One or
	 * two reads, so no transaction of its own (its begin and commit cost more than a
	 * search by name at a committee's scale).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
	public Page<MemberListItem> search(CurrentUser user, Query query) {
		boolean words = query.q() != null && !VietnameseText.fold(query.q()).isBlank();
		return search(user, query, words ? this.searchCountCap : this.countCap);
	}

	/**
	 * The same, counting at most {@code countCap} members: above it the total is the cap
	 * and marked inexact.
	 */
	Page<MemberListItem> search(CurrentUser user, Query query, long countCap) {
		Map<String, Object> params = new HashMap<>();
		String from = searchFrom(user, query, params);
		List<MemberListItem> items = this.jdbc.sql("""
				SELECT m.id, m.full_name, m.sex, m.date_of_birth, ms.organization_id, st.status, m.party_card_number,
				       (SELECT n.name FROM organization_name n WHERE n.organization_id = ms.organization_id
				          AND n.valid_from <= :d AND (n.valid_to IS NULL OR n.valid_to > :d)) AS organization_name
				""" + from + SEARCH_ORDER + limit(query)).params(params).query(Members::mapItem).list();
		long offset = (long) query.page() * query.size();
		if (items.size() < query.size() && (query.page() == 0 || !items.isEmpty())) {
			// the last page: the total is known without counting (a search for a name
			// mostly ends on its first page)
			return new Page<>(items, offset + items.size(), query.page(), query.size(), true);
		}
		// counting hundreds of thousands exactly is slow and tells the reader nothing
		// more than "more than the cap": count up to the cap plus one
		params.put("cap", countCap + 1);
		long counted = this.jdbc.sql("SELECT count(*) FROM (SELECT 1 " + from + " LIMIT :cap) capped")
			.params(params)
			.query(Long.class)
			.single();
		boolean exact = counted <= countCap;
		long total = exact ? counted : countCap;
		return new Page<>(items, total, query.page(), query.size(), exact);
	}

	private static final String SEARCH_ORDER = """
			 ORDER BY regexp_replace(m.full_name, '^.*\\s', '') COLLATE vi_vn, m.full_name COLLATE vi_vn, m.id
			""";

	/**
	 * The page's bounds written into the statement (numbers checked by {@link Page}): as
	 * parameters, the plan PostgreSQL keeps for a statement run many times is made for an
	 * unknown limit and sorts every match (a search took 5 ms instead of 1.5 ms).
	 */
	private static String limit(Query query) {
		return " LIMIT " + query.size() + " OFFSET " + ((long) query.page() * query.size()) + "\n";
	}

	/**
	 * The member ids of one page of {@link #search}, in the same order, without counting
	 * the whole result or naming organisations: one light query for callers that only
	 * pick members (the samples).
	 */
	public List<Long> searchIds(CurrentUser user, Query query) {
		Map<String, Object> params = new HashMap<>();
		String from = searchFrom(user, query, params);
		return this.jdbc.sql("SELECT m.id " + from + SEARCH_ORDER + limit(query))
			.params(params)
			.query(Long.class)
			.list();
	}

	/** The FROM and WHERE of a search, filling its parameters. */
	private static String searchFrom(CurrentUser user, Query query, Map<String, Object> params) {
		LocalDate d = query.asOf();
		StringBuilder where = new StringBuilder();
		params.put("d", d);
		params.put("roots", user.scopeRootArray());
		params.put("global", user.global());
		if (query.organizationId() != null) {
			where.append("""
					 AND ms.organization_id IN (SELECT c.descendant_id FROM organization_closure c
					   WHERE c.ancestor_id = :org AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d))
					""");
			params.put("org", query.organizationId());
		}
		if (query.status() != null) {
			where.append(" AND st.status = :status");
			params.put("status", query.status().name());
		}
		else {
			// by default the list shows members in the Party; ended ones are found by
			// their status
			where.append(" AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')");
		}
		String[] words = VietnameseText.fold(query.q()).split("[^\\p{L}\\p{N}]+");
		int w = 0;
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			where.append(" AND m.search_key LIKE :w").append(w);
			params.put("w" + w, "%" + word.replace("\\", "").replace("%", "").replace("_", "") + "%");
			w++;
		}
		// a caller who sees everything needs no scope predicate: the planner can then
		// walk
		// the index in list order and stop after one page
		String scope = user.global() ? ""
				: " AND ms.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))\n";
		return """
				FROM membership ms
				JOIN member m ON m.id = ms.member_id
				JOIN member_status st ON st.member_id = m.id AND st.valid_from <= :d
				  AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				""" + scope + where;
	}

	/** A member's file, or 404 when the member was never in the caller's scope. */
	public MemberFile get(CurrentUser user, long id) {
		if (!visible(user, id)) {
			throw new NotFoundException("member " + id);
		}
		LocalDate d = this.today.date();
		record Row(MemberRecord record, String ethnicity, String religion, String homeTownToday, int version) {
		}
		Row row = this.jdbc.sql("""
				SELECT m.*, e.name AS ethnicity_name, r.name AS religion_name
				FROM member m LEFT JOIN ethnicity e ON e.code = m.ethnicity_code
				LEFT JOIN religion r ON r.code = m.religion_code WHERE m.id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Row(mapRecord(rs, this.cipher), rs.getString("ethnicity_name"),
					rs.getString("religion_name"), rs.getString("home_town_province_today"), rs.getInt("version")))
			.single();
		List<MemberFile.Placement> placements = this.jdbc.sql("""
				SELECT ms.organization_id, ms.valid_from, ms.valid_to, ms.reason, ms.decision_ref,
				       (SELECT n.name FROM organization_name n WHERE n.organization_id = ms.organization_id
				        ORDER BY (n.valid_from <= ms.valid_from) DESC, n.valid_from DESC LIMIT 1) AS name
				FROM membership ms WHERE ms.member_id = :id ORDER BY ms.valid_from
				""")
			.param("id", id)
			.query((rs, n) -> new MemberFile.Placement(rs.getLong(1), rs.getString(6), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)))
			.list();
		List<MemberFile.StatusPeriod> statuses = this.jdbc.sql("""
				SELECT status, valid_from, valid_to, reason, decision_ref FROM member_status WHERE member_id = :id
				ORDER BY valid_from
				""")
			.param("id", id)
			.query((rs, n) -> new MemberFile.StatusPeriod(MemberStatus.valueOf(rs.getString(1)),
					rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getString(5)))
			.list();
		MemberStatus status = statuses.stream()
			.filter((s) -> !d.isBefore(s.validFrom()) && (s.validTo() == null || d.isBefore(s.validTo())))
			.map(MemberFile.StatusPeriod::status)
			.findFirst()
			.orElse(null);
		MemberFile.Placement current = placements.stream()
			.filter((p) -> !d.isBefore(p.validFrom()) && (p.validTo() == null || d.isBefore(p.validTo())))
			.findFirst()
			.orElse(placements.isEmpty() ? null : placements.get(placements.size() - 1));
		return new MemberFile(id, row.record(), row.ethnicity(), row.religion(), row.homeTownToday(), status,
				current == null ? null : current.organizationId(), current == null ? null : current.organizationName(),
				partyAge(row.record(), statuses, d), placements, statuses, row.version());
	}

	/**
	 * Party age in whole years on the date, counted by the rule book (from the admission
	 * decision once full, by default), only while the member is full; null otherwise.
	 * When the rule book says so ({@code member.party-age.excludes-time-out}), the time
	 * between leaving the Party and being readmitted does not count.
	 */
	Integer partyAge(MemberRecord record, List<MemberFile.StatusPeriod> statuses, LocalDate on) {
		boolean full = statuses.stream()
			.anyMatch((s) -> (s.status() == MemberStatus.FULL || s.status() == MemberStatus.EXEMPT)
					&& !on.isBefore(s.validFrom()) && (s.validTo() == null || on.isBefore(s.validTo())));
		if (!full) {
			return null;
		}
		String countsFrom = this.rules.inForce("member.party-age.counts-from", on)
			.map((r) -> r.value())
			.orElse("ADMISSION_DECISION");
		LocalDate start = "ADMISSION_CEREMONY".equals(countsFrom) ? record.admissionCeremonyDate()
				: record.admissionDecisionDate();
		if (start == null) {
			return null;
		}
		start = effectiveStart(start, statuses, on);
		return Period.between(start, on).getYears();
	}

	/**
	 * The day from which whole years of party age count: the start shifted by the time
	 * out of the Party when the rule book excludes it.
	 */
	LocalDate effectiveStart(LocalDate start, List<MemberFile.StatusPeriod> statuses, LocalDate on) {
		return effectiveStart(start, statuses, on, partyAgeRule(on).excludesTimeOut());
	}

	private static LocalDate effectiveStart(LocalDate start, List<MemberFile.StatusPeriod> statuses, LocalDate on,
			boolean excludesTimeOut) {
		if (excludesTimeOut) {
			long daysOut = 0;
			for (int i = 0; i < statuses.size(); i++) {
				MemberFile.StatusPeriod s = statuses.get(i);
				if (s.status().inParty() || !s.validFrom().isBefore(on) || restoredAfter(statuses, i)) {
					continue;
				}
				LocalDate from = s.validFrom().isBefore(start) ? start : s.validFrom();
				LocalDate to = s.validTo() == null || s.validTo().isAfter(on) ? on : s.validTo();
				if (from.isBefore(to)) {
					daysOut += java.time.temporal.ChronoUnit.DAYS.between(from, to);
				}
			}
			start = start.plusDays(daysOut);
		}
		return start;
	}

	/** How the rule book counts party age on a date. */
	record PartyAgeRule(String countsFrom, boolean excludesTimeOut) {
	}

	/** The party-age rules in force on the date (read them once when counting many). */
	PartyAgeRule partyAgeRule(LocalDate on) {
		return new PartyAgeRule(
				this.rules.inForce("member.party-age.counts-from", on)
					.map((r) -> r.value())
					.orElse("ADMISSION_DECISION"),
				this.rules.inForce("member.party-age.excludes-time-out", on)
					.map((r) -> Boolean.parseBoolean(r.value().strip()))
					.orElse(false));
	}

	/**
	 * Whether the period out of the Party at {@code i} ended by restoration (an annulled
	 * expulsion) rather than readmission: then it was never time out.
	 */
	private static boolean restoredAfter(List<MemberFile.StatusPeriod> statuses, int i) {
		MemberFile.StatusPeriod s = statuses.get(i);
		if (i + 1 >= statuses.size() || s.validTo() == null) {
			return false;
		}
		MemberFile.StatusPeriod next = statuses.get(i + 1);
		return s.status() == MemberStatus.EXPELLED && next.status().inParty() && next.validFrom().equals(s.validTo())
				&& !"READMITTED".equals(next.reason());
	}

	/**
	 * The party-age start of a member as the rule book counts it (null when not
	 * admitted).
	 */
	LocalDate partyAgeStart(MemberRecord record, List<MemberFile.StatusPeriod> statuses, LocalDate on) {
		return partyAgeStart(record.admissionDecisionDate(), record.admissionCeremonyDate(), statuses, on,
				partyAgeRule(on));
	}

	/** The same with the rules given: no query. */
	static LocalDate partyAgeStart(LocalDate decision, LocalDate ceremony, List<MemberFile.StatusPeriod> statuses,
			LocalDate on, PartyAgeRule rule) {
		LocalDate start = "ADMISSION_CEREMONY".equals(rule.countsFrom()) ? ceremony : decision;
		return start == null ? null : effectiveStart(start, statuses, on, rule.excludesTimeOut());
	}

	/**
	 * Recognises a probationary member as full from the effective date (the end of the
	 * probation, even when the decision comes later). One transaction, audited.
	 */
	@Transactional
	public void recognise(CurrentUser user, long memberId, LocalDate effective, String decisionRef) {
		requireEditor(user);
		required("date", effective);
		if (!visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		MemberStatus current = statusOn(memberId, effective);
		if (current != MemberStatus.PROBATIONARY) {
			throw new InvalidInputException("status", "error.member.status.transition", current, MemberStatus.FULL);
		}
		if (laterRow("member_status", memberId, effective)) {
			throw new RuleViolationException("error.member.later-change", effective);
		}
		this.jdbc.sql("UPDATE member_status SET valid_to = :d WHERE member_id = :m AND valid_to IS NULL")
			.param("d", effective)
			.param("m", memberId)
			.update();
		this.jdbc.sql("""
				INSERT INTO member_status (member_id, status, valid_from, reason, decision_ref)
				VALUES (:m, 'FULL', :d, 'RECOGNISED', :ref)
				""").param("m", memberId).param("d", effective).param("ref", decisionRef).update();
		this.jdbc.sql("UPDATE member SET full_membership_date = :d, version = version + 1 WHERE id = :m")
			.param("d", effective)
			.param("m", memberId)
			.update();
		this.audit.record(user.username(), "RECOGNISE", "member", memberId, current, MemberStatus.FULL);
	}

	/**
	 * Readmits a former member (kết nạp lại): probationary again from the new decision,
	 * in the given cell, with a new ceremony date. The checks of readmission (once only,
	 * the waiting period, the provincial consent) are made by the caller against the rule
	 * book.
	 */
	@Transactional
	public void readmit(CurrentUser user, long memberId, LocalDate decision, LocalDate ceremony, long organizationId,
			String decisionRef) {
		requireEditor(user);
		required("date", decision);
		if (!visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		MemberStatus current = statusOn(memberId, decision);
		if (current == null || current.inParty()) {
			throw new RuleViolationException("error.member.status.transition", current, MemberStatus.PROBATIONARY);
		}
		this.jdbc.sql("UPDATE member_status SET valid_to = :d WHERE member_id = :m AND valid_to IS NULL")
			.param("d", decision)
			.param("m", memberId)
			.update();
		this.jdbc.sql("""
				INSERT INTO member_status (member_id, status, valid_from, reason, decision_ref)
				VALUES (:m, 'PROBATIONARY', :d, 'READMITTED', :ref)
				""").param("m", memberId).param("d", decision).param("ref", decisionRef).update();
		this.jdbc
			.sql("UPDATE member SET admission_ceremony_date = :c, full_membership_date = NULL, version = version + 1 "
					+ "WHERE id = :m")
			.param("c", ceremony)
			.param("m", memberId)
			.update();
		Long from = this.jdbc.sql("SELECT organization_id FROM membership WHERE member_id = :m AND " + ACTIVE_ON)
			.param("m", memberId)
			.param("d", decision)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (from == null) {
			this.jdbc.sql("""
					INSERT INTO membership (member_id, organization_id, valid_from, reason, decision_ref)
					VALUES (:m, :o, :d, 'READMITTED', :ref)
					""")
				.param("m", memberId)
				.param("o", organizationId)
				.param("d", decision)
				.param("ref", decisionRef)
				.update();
		}
		else if (from != organizationId) {
			moveOne(memberId, from, organizationId, decision, "READMITTED", decisionRef);
		}
		this.audit.record(user.username(), "READMIT", "member", memberId, current, MemberStatus.PROBATIONARY);
	}

	/**
	 * Closes the member's placement on the date: the member moved to an organisation
	 * outside this system (another province, abroad).
	 */
	@Transactional
	public void transferOut(CurrentUser user, long memberId, LocalDate date, String decisionRef) {
		requireEditor(user);
		required("date", date);
		Long from = this.jdbc.sql("SELECT organization_id FROM membership WHERE member_id = :m AND " + ACTIVE_ON)
			.param("m", memberId)
			.param("d", date)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RuleViolationException("error.member.not-placed", date));
		if (this.tree.find(user, from, date).isEmpty()) {
			throw new NotFoundException("member " + memberId);
		}
		if (laterRow("membership", memberId, date)) {
			throw new RuleViolationException("error.member.later-change", date);
		}
		this.jdbc
			.sql("""
					UPDATE membership SET valid_to = :d, reason = coalesce(reason, 'REGISTERED'), decision_ref = coalesce(:ref, decision_ref)
					WHERE member_id = :m AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
					""")
			.param("d", date)
			.param("m", memberId)
			.param("ref", decisionRef)
			.update();
		this.audit.record(user.username(), "TRANSFER_OUT", "member", memberId, from, null);
	}

	/** The member's status on the date, or null when none. */
	public MemberStatus statusOf(long memberId, LocalDate date) {
		return statusOn(memberId, date);
	}

	/**
	 * Whether the member was ever placed in an organisation while it was in the caller's
	 * scope.
	 */
	public boolean visible(CurrentUser user, long memberId) {
		return this.jdbc
			.sql("""
					SELECT EXISTS (
					  SELECT 1 FROM membership ms
					  JOIN organization_visible_ever(:roots, :global) v ON v.id = ms.organization_id
					   AND v.valid_from < coalesce(ms.valid_to, 'infinity') AND coalesce(v.valid_to, 'infinity') > ms.valid_from
					  WHERE ms.member_id = :id)
					""")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("id", memberId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Of the given members, those who on the date are in the Party and placed in the
	 * organisation or one below it, in the caller's scope: id → full name. One query,
	 * whatever the number of members (a congress electing a committee checks all its
	 * seats at once).
	 */
	public Map<Long, String> inPartyWithin(CurrentUser user, long organizationId, Collection<Long> memberIds,
			LocalDate date) {
		Map<Long, String> names = new HashMap<>();
		if (memberIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("""
				SELECT m.id, m.full_name
				FROM membership ms
				JOIN member m ON m.id = ms.member_id
				JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= :d
				  AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.member_id = ANY(:ids) AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')
				  AND ms.organization_id IN (SELECT c.descendant_id FROM organization_closure c
				    WHERE c.ancestor_id = :org AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d))
				  AND ms.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				""")
			.param("ids", memberIds.toArray(Long[]::new))
			.param("d", date)
			.param("org", organizationId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	/**
	 * Registers a member placed in a cell from {@code placedOn}: probationary from the
	 * admission decision, full from the full-membership date when given. One transaction,
	 * audited.
	 */
	@Transactional
	public long register(CurrentUser user, MemberRecord input, long organizationId, LocalDate placedOn) {
		requireEditor(user);
		if (placedOn == null) {
			throw new InvalidInputException("placedOn", "error.required");
		}
		Organization org = this.tree.find(user, organizationId, placedOn)
			.orElseThrow(() -> new InvalidInputException("organizationId", "error.member.organization.not-found"));
		if (!org.type().isCell()) {
			throw new InvalidInputException("organizationId", "error.member.organization.not-cell", org.name());
		}
		MemberRecord record = validate(input);
		if (placedOn.isBefore(record.admissionDecisionDate())) {
			throw new InvalidInputException("placedOn", "error.member.placed-before-admission");
		}
		long id = this.jdbc
			.sql("""
					INSERT INTO member (full_name, birth_name, search_key, sex, date_of_birth, place_of_birth,
					  place_of_birth_province, home_town, home_town_province, home_town_province_today, ethnicity_code,
					  religion_code, citizen_id_enc, citizen_id_hmac, phone_enc, education, political_theory, admission_decision_date,
					  admission_ceremony_date, full_membership_date, party_card_number, life_history_number)
					VALUES (:fullName, :birthName, :searchKey, :sex, :dob, :pob, :pobProvince, :homeTown, :htProvince,
					  :htToday, :ethnicity, :religion, :citizenIdEnc, :citizenIdHmac, :phoneEnc, :education, :theory, :decision, :ceremony,
					  :full, :card, :lifeHistory)
					RETURNING id
					""")
			.params(recordParams(record))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO membership (member_id, organization_id, valid_from, reason) VALUES (:m, :o, :from, :reason)
				""")
			.param("m", id)
			.param("o", organizationId)
			.param("from", placedOn)
			.param("reason", "REGISTERED")
			.update();
		LocalDate fullOn = record.fullMembershipDate();
		this.jdbc.sql("""
				INSERT INTO member_status (member_id, status, valid_from, valid_to, reason)
				VALUES (:m, 'PROBATIONARY', :from, :to, 'ADMITTED')
				""").param("m", id).param("from", record.admissionDecisionDate()).param("to", fullOn).update();
		if (fullOn != null) {
			this.jdbc
				.sql("""
						INSERT INTO member_status (member_id, status, valid_from, reason) VALUES (:m, 'FULL', :from, 'RECOGNISED')
						""")
				.param("m", id)
				.param("from", fullOn)
				.update();
		}
		this.audit.record(user.username(), "REGISTER", "member", id, null, record);
		return id;
	}

	/**
	 * Transfers a member, in the Party on the date, from the cell they are placed in to
	 * another cell in the caller's scope (chuyển sinh hoạt đảng within the register).
	 */
	@Transactional
	public void transfer(CurrentUser user, long memberId, long toOrganizationId, LocalDate date, String decisionRef) {
		requireEditor(user);
		required("date", date);
		Organization to = this.tree.find(user, toOrganizationId, date)
			.orElseThrow(() -> new InvalidInputException("organizationId", "error.member.organization.not-found"));
		if (!to.type().isCell()) {
			throw new InvalidInputException("organizationId", "error.member.organization.not-cell", to.name());
		}
		Long from = this.jdbc.sql("SELECT organization_id FROM membership WHERE member_id = :m AND " + ACTIVE_ON)
			.param("m", memberId)
			.param("d", date)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RuleViolationException("error.member.not-placed", date));
		if (this.tree.find(user, from, date).isEmpty()) {
			throw new NotFoundException("member " + memberId);
		}
		if (from == toOrganizationId) {
			throw new InvalidInputException("organizationId", "error.member.transfer.same");
		}
		MemberStatus status = statusOn(memberId, date);
		if (status == null || !status.inParty()) {
			throw new RuleViolationException("error.member.not-in-party", date);
		}
		if (laterRow("membership", memberId, date)) {
			throw new RuleViolationException("error.member.later-change", date);
		}
		moveOne(memberId, from, toOrganizationId, date, "TRANSFERRED", decisionRef);
		this.audit.record(user.username(), "TRANSFER", "member", memberId, from, toOrganizationId);
	}

	/**
	 * Changes the status of a member in the Party from the date: exempt from activities,
	 * back to full, or an end of membership (removal, expulsion, resignation, death). The
	 * placement is kept, so the cell's register still lists the member with the new
	 * status.
	 */
	@Transactional
	public void changeStatus(CurrentUser user, long memberId, MemberStatus status, LocalDate date, String reason,
			String decisionRef) {
		requireEditor(user);
		required("status", status);
		required("date", date);
		if (!visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		if (date.isAfter(this.today.date())) {
			throw new InvalidInputException("date", "error.date.future");
		}
		MemberStatus current = statusOn(memberId, date);
		if (current == null || !current.inParty()) {
			throw new RuleViolationException("error.member.not-in-party", date);
		}
		if (status == current || status == MemberStatus.PROBATIONARY) {
			throw new InvalidInputException("status", "error.member.status.transition", current, status);
		}
		if ((status == MemberStatus.EXEMPT || status == MemberStatus.FULL) && current == MemberStatus.PROBATIONARY) {
			throw new InvalidInputException("status", "error.member.status.transition", current, status);
		}
		if (laterRow("member_status", memberId, date)) {
			throw new RuleViolationException("error.member.later-change", date);
		}
		this.jdbc.sql("UPDATE member_status SET valid_to = :d WHERE member_id = :m AND valid_to IS NULL")
			.param("d", date)
			.param("m", memberId)
			.update();
		this.jdbc.sql("""
				INSERT INTO member_status (member_id, status, valid_from, reason, decision_ref)
				VALUES (:m, :status, :d, :reason, :ref)
				""")
			.param("m", memberId)
			.param("status", status.name())
			.param("d", date)
			.param("reason", VietnameseText.clean(blank(reason)))
			.param("ref", decisionRef)
			.update();
		this.audit.record(user.username(), "CHANGE_STATUS", "member", memberId, current, status);
	}

	/**
	 * Restores a member whose expulsion was annulled or reduced on complaint (QĐ
	 * 117-QĐ/TW): the status held before the expulsion applies again from the date of the
	 * complaint decision. Nothing is deleted: the expelled period stays in the history,
	 * closed on that date. One transaction, audited.
	 */
	@Transactional
	public void restoreAfterAnnulledExpulsion(CurrentUser user, long memberId, LocalDate date, String reason,
			String decisionRef) {
		requireEditor(user);
		required("date", date);
		if (!visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		if (date.isAfter(this.today.date())) {
			throw new InvalidInputException("date", "error.date.future");
		}
		MemberStatus current = statusOn(memberId, date);
		if (current != MemberStatus.EXPELLED) {
			throw new RuleViolationException("error.member.status.transition", current, "FULL");
		}
		if (laterRow("member_status", memberId, date)) {
			throw new RuleViolationException("error.member.later-change", date);
		}
		// the status the member had on the day before the expulsion took effect
		String before = this.jdbc.sql("""
				SELECT b.status FROM member_status e JOIN member_status b
				  ON b.member_id = e.member_id AND b.valid_to = e.valid_from
				WHERE e.member_id = :m AND e.status = 'EXPELLED' AND e.valid_from <= :d
				  AND (e.valid_to IS NULL OR e.valid_to > :d)
				""").param("m", memberId).param("d", date).query(String.class).optional().orElse("FULL");
		this.jdbc.sql("UPDATE member_status SET valid_to = :d WHERE member_id = :m AND valid_to IS NULL")
			.param("d", date)
			.param("m", memberId)
			.update();
		this.jdbc.sql("""
				INSERT INTO member_status (member_id, status, valid_from, reason, decision_ref)
				VALUES (:m, :status, :d, :reason, :ref)
				""")
			.param("m", memberId)
			.param("status", before)
			.param("d", date)
			.param("reason", VietnameseText.clean(blank(reason)))
			.param("ref", decisionRef)
			.update();
		this.audit.record(user.username(), "RESTORE_STATUS", "member", memberId, current, before);
	}

	private MemberStatus statusOn(long memberId, LocalDate date) {
		return this.jdbc.sql("SELECT status FROM member_status WHERE member_id = :m AND " + ACTIVE_ON)
			.param("m", memberId)
			.param("d", date)
			.query(String.class)
			.optional()
			.map(MemberStatus::valueOf)
			.orElse(null);
	}

	/**
	 * Whether a dated row of the member starts on or after the date (history is
	 * append-only).
	 */
	private boolean laterRow(String table, long memberId, LocalDate date) {
		// the table is one of two fixed literals chosen by the callers, never user input
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE member_id = :m AND valid_from >= :d)")
			.param("m", memberId)
			.param("d", date)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Corrects a member's record; refused with a conflict when someone else changed it
	 * since {@code version}.
	 */
	@Transactional
	public void correct(CurrentUser user, long id, MemberRecord input, int version) {
		requireEditor(user);
		MemberFile before = get(user, id);
		MemberRecord record = validate(input);
		Map<String, Object> params = recordParams(record);
		params.put("id", id);
		params.put("version", version);
		int updated = this.jdbc
			.sql("""
					UPDATE member SET full_name = :fullName, birth_name = :birthName, search_key = :searchKey, sex = :sex,
					  date_of_birth = :dob, place_of_birth = :pob, place_of_birth_province = :pobProvince,
					  home_town = :homeTown, home_town_province = :htProvince, home_town_province_today = :htToday,
					  ethnicity_code = :ethnicity, religion_code = :religion, citizen_id_enc = :citizenIdEnc, citizen_id_hmac = :citizenIdHmac, phone_enc = :phoneEnc,
					  education = :education, political_theory = :theory, admission_decision_date = :decision,
					  admission_ceremony_date = :ceremony, full_membership_date = :full, party_card_number = :card,
					  life_history_number = :lifeHistory, version = version + 1
					WHERE id = :id AND version = :version
					""")
			.params(params)
			.update();
		if (updated != 1) {
			throw new RuleViolationException("error.concurrent-edit");
		}
		this.audit.record(user.username(), "CORRECT", "member", id, before.record(), record);
	}

	/**
	 * Checks a record against the rule book and the catalogues; returns it cleaned (NFC,
	 * no invisible marks).
	 */
	MemberRecord validate(MemberRecord in) {
		return validator().check(in);
	}

	/**
	 * The checks of a record with the rules and catalogues read once: an import checks
	 * thousands of records against the same rules.
	 */
	Validator validator() {
		return new Validator();
	}

	/** Checks records against rules and catalogues read when it was made. */
	final class Validator {

		private final LocalDate today = Members.this.today.date();

		private final List<vn.capuy.rulebook.Rule> minAge = Members.this.rules
			.versions("member.admission.min-age-months");

		private final List<vn.capuy.rulebook.Rule> probation = Members.this.rules.versions("member.probation.months");

		private final MemberNumbers numbers = new MemberNumbers(Members.this.rules, this.today);

		private final java.util.Set<String> ethnicities = codes("ethnicity");

		private final java.util.Set<String> religions = codes("religion");

		private java.util.Optional<vn.capuy.rulebook.Rule> inForce(List<vn.capuy.rulebook.Rule> versions,
				LocalDate on) {
			return versions.stream().filter((r) -> r.inForceOn(on)).findFirst();
		}

		MemberRecord check(MemberRecord in) {
			LocalDate today = this.today;
			String fullName = required("fullName", VietnameseText.clean(in.fullName()));
			if (fullName.length() > 120) {
				throw new InvalidInputException("fullName", "error.too-long", 120);
			}
			if (!fullName.matches("[\\p{L} .'-]+")) {
				throw new InvalidInputException("fullName", "error.member.name.letters");
			}
			if (in.sex() == null) {
				throw new InvalidInputException("sex", "error.required");
			}
			LocalDate dob = required("dateOfBirth", in.dateOfBirth());
			if (!dob.isBefore(today)) {
				throw new InvalidInputException("dateOfBirth", "error.member.date-of-birth.future");
			}
			LocalDate decision = required("admissionDecisionDate", in.admissionDecisionDate());
			if (decision.isAfter(today)) {
				throw new InvalidInputException("admissionDecisionDate", "error.date.future");
			}
			inForce(this.minAge, decision).ifPresent((rule) -> {
				int months = Integer.parseInt(rule.value());
				if (dob.plusMonths(months).isAfter(decision)) {
					throw new InvalidInputException("admissionDecisionDate", "error.member.admission.too-young",
							months / 12, rule.sourceDocument());
				}
			});
			LocalDate ceremony = in.admissionCeremonyDate();
			if (ceremony != null && ceremony.isBefore(decision)) {
				throw new InvalidInputException("admissionCeremonyDate", "error.member.ceremony.before-decision");
			}
			LocalDate full = in.fullMembershipDate();
			if (full != null) {
				LocalDate start = ceremony != null ? ceremony : decision;
				vn.capuy.rulebook.Rule rule = inForce(this.probation, start).orElseThrow(
						() -> new RuleViolationException("error.rule.missing", "member.probation.months", start));
				int months = Integer.parseInt(rule.value().strip());
				if (full.isBefore(start.plusMonths(months))) {
					throw new InvalidInputException("fullMembershipDate", "error.member.full.too-early", months,
							rule.sourceDocument());
				}
				if (full.isAfter(today)) {
					throw new InvalidInputException("fullMembershipDate", "error.date.future");
				}
			}
			MemberNumbers numbers = this.numbers;
			String ethnicity = blank(in.ethnicityCode());
			if (ethnicity != null && !this.ethnicities.contains(ethnicity)) {
				throw new InvalidInputException("ethnicityCode", "error.member.ethnicity.unknown", ethnicity);
			}
			String religion = blank(in.religionCode());
			if (religion != null && !this.religions.contains(religion)) {
				throw new InvalidInputException("religionCode", "error.member.religion.unknown", religion);
			}
			String phone = blank(in.phone());
			if (phone != null && !phone.replace(" ", "").matches("\\+?[0-9]{8,15}")) {
				throw new InvalidInputException("phone", "error.member.phone");
			}
			return new MemberRecord(fullName, VietnameseText.clean(blank(in.birthName())), in.sex(), dob,
					VietnameseText.clean(blank(in.placeOfBirth())),
					VietnameseText.clean(blank(in.placeOfBirthProvince())), VietnameseText.clean(blank(in.homeTown())),
					VietnameseText.clean(blank(in.homeTownProvince())), ethnicity, religion,
					numbers.citizenId(in.citizenId()), phone == null ? null : phone.replace(" ", ""),
					VietnameseText.clean(blank(in.education())), in.politicalTheory(), decision, ceremony, full,
					numbers.partyCardNumber(in.partyCardNumber()), numbers.lifeHistoryNumber(in.lifeHistoryNumber()));
		}

	}

	private java.util.Set<String> codes(String table) {
		// the table is one of two fixed literals, never user input
		return new java.util.HashSet<>(this.jdbc.sql("SELECT code FROM " + table).query(String.class).list());
	}

	private Map<String, Object> recordParams(MemberRecord r) {
		Map<String, Object> p = new HashMap<>();
		p.put("fullName", r.fullName());
		p.put("birthName", r.birthName());
		p.put("searchKey", VietnameseText.fold(r.fullName()));
		p.put("sex", r.sex().name());
		p.put("dob", r.dateOfBirth());
		p.put("pob", r.placeOfBirth());
		p.put("pobProvince", r.placeOfBirthProvince());
		p.put("homeTown", r.homeTown());
		p.put("htProvince", r.homeTownProvince());
		p.put("htToday", provinceToday(r.homeTownProvince()));
		p.put("ethnicity", r.ethnicityCode());
		p.put("religion", r.religionCode());
		// citizen ID and phone are stored encrypted; the citizen ID is also kept as a
		// keyed hash for lookups
		p.put("citizenIdEnc", this.cipher.encrypt(r.citizenId()));
		p.put("citizenIdHmac", this.cipher.hmac(r.citizenId()));
		p.put("phoneEnc", this.cipher.encrypt(r.phone()));
		p.put("education", r.education());
		p.put("theory", r.politicalTheory() == null ? null : r.politicalTheory().name());
		p.put("decision", r.admissionDecisionDate());
		p.put("ceremony", r.admissionCeremonyDate());
		p.put("full", r.fullMembershipDate());
		p.put("card", r.partyCardNumber());
		p.put("lifeHistory", r.lifeHistoryNumber());
		return p;
	}

	/**
	 * Today's name of a province given by its name before the 2025 merger (or already
	 * today's name).
	 */
	String provinceToday(String province) {
		if (province == null) {
			return null;
		}
		return this.jdbc.sql("""
				SELECT coalesce(s.name, p.name) FROM province p
				LEFT JOIN province s ON s.code = p.successor_code AND s.valid_to IS NULL
				WHERE lower(p.name) = lower(:name) OR lower(p.name) = lower('Tỉnh ' || :name)
				   OR lower(p.name) = lower('Thành phố ' || :name)
				ORDER BY p.valid_from LIMIT 1
				""").param("name", province).query(String.class).optional().orElse(null);
	}

	private boolean exists(String table, String code) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE code = :code)")
			.param("code", code)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Map<Long, MemberCounts> countsOn(LocalDate date, Collection<Long> organizationIds) {
		Map<Long, MemberCounts> result = new HashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		if (organizationIds.size() >= CACHED_FROM) {
			// a whole tree: every organisation's counts on the date, kept until a
			// placement
			// or status changes
			Map<Long, MemberCounts> all = this.countCache.on(date);
			for (Long id : organizationIds) {
				MemberCounts counts = all.get(id);
				if (counts != null) {
					result.put(id, counts);
				}
			}
			return result;
		}
		this.jdbc.sql("""
				SELECT ms.organization_id,
				       count(*) FILTER (WHERE st.status = 'FULL'),
				       count(*) FILTER (WHERE st.status = 'PROBATIONARY'),
				       count(*) FILTER (WHERE st.status = 'EXEMPT')
				FROM membership ms
				JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= :d
				  AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND ms.organization_id = ANY(:orgs)
				GROUP BY ms.organization_id
				""")
			.param("d", date)
			.param("orgs", organizationIds.toArray(Long[]::new))
			.query((rs, n) -> result.put(rs.getLong(1), new MemberCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
			.list();
		return result;
	}

	/**
	 * Members of merged organisations move to the successor on the merge date, in the
	 * merge's transaction.
	 */
	@EventListener
	@Transactional
	public void on(OrganizationEvents.OrganizationsMerged event) {
		for (Long predecessor : event.predecessorIds()) {
			moveAll(predecessor, event.successorId(), event.date(), "MERGED", event.decisionRef());
		}
	}

	/**
	 * Members of a split organisation move to the part named for them, the others to the
	 * default part.
	 */
	@EventListener
	@Transactional
	public void on(OrganizationEvents.OrganizationSplit event) {
		List<Long> members = activeMemberIds(event.predecessorId(), event.date());
		for (Long member : members) {
			long target = event.memberToSuccessor().getOrDefault(member, event.defaultSuccessorId());
			moveOne(member, event.predecessorId(), target, event.date(), "SPLIT", event.decisionRef());
		}
	}

	/**
	 * Moves every member placed in one organisation on the date to another, keeping the
	 * earlier placement.
	 */
	@Transactional
	public int moveAll(long fromOrg, long toOrg, LocalDate date, String reason, String decisionRef) {
		List<Long> members = activeMemberIds(fromOrg, date);
		for (Long member : members) {
			moveOne(member, fromOrg, toOrg, date, reason, decisionRef);
		}
		return members.size();
	}

	private void moveOne(long member, long fromOrg, long toOrg, LocalDate date, String reason, String decisionRef) {
		this.jdbc.sql("""
				UPDATE membership SET valid_to = :d WHERE member_id = :m AND organization_id = :from
				  AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", date).param("m", member).param("from", fromOrg).update();
		this.jdbc.sql("""
				INSERT INTO membership (member_id, organization_id, valid_from, reason, decision_ref)
				VALUES (:m, :to, :d, :reason, :ref)
				""")
			.param("m", member)
			.param("to", toOrg)
			.param("d", date)
			.param("reason", reason)
			.param("ref", decisionRef)
			.update();
	}

	private List<Long> activeMemberIds(long org, LocalDate date) {
		return this.jdbc.sql("SELECT member_id FROM membership WHERE organization_id = :o AND " + ACTIVE_ON)
			.param("o", org)
			.param("d", date)
			.query(Long.class)
			.list();
	}

	private static MemberListItem mapItem(ResultSet rs, int n) throws SQLException {
		return new MemberListItem(rs.getLong("id"), rs.getString("full_name"), Sex.valueOf(rs.getString("sex")),
				rs.getObject("date_of_birth", LocalDate.class), rs.getLong("organization_id"),
				rs.getString("organization_name"), MemberStatus.valueOf(rs.getString("status")),
				rs.getString("party_card_number"));
	}

	static MemberRecord mapRecord(ResultSet rs, FieldCipher cipher) throws SQLException {
		String theory = rs.getString("political_theory");
		return new MemberRecord(rs.getString("full_name"), rs.getString("birth_name"), Sex.valueOf(rs.getString("sex")),
				rs.getObject("date_of_birth", LocalDate.class), rs.getString("place_of_birth"),
				rs.getString("place_of_birth_province"), rs.getString("home_town"), rs.getString("home_town_province"),
				rs.getString("ethnicity_code"), rs.getString("religion_code"),
				cipher.decrypt(rs.getBytes("citizen_id_enc")), cipher.decrypt(rs.getBytes("phone_enc")),
				rs.getString("education"), theory == null ? null : PoliticalTheory.valueOf(theory),
				rs.getObject("admission_decision_date", LocalDate.class),
				rs.getObject("admission_ceremony_date", LocalDate.class),
				rs.getObject("full_membership_date", LocalDate.class), rs.getString("party_card_number"),
				rs.getString("life_history_number"));
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("register edits");
		}
	}

	private static <T> T required(String field, T value) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			throw new InvalidInputException(field, "error.required");
		}
		return value;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
