package vn.capuy.fee;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.MemberRoll;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * The party fee ledger: members' fee categories and reliefs, a row per member and month
 * with what was due and paid, payments in cash or confirmed by the National Public
 * Service Portal, arrears and the removal-from-roll flag.
 */
@Service
@Transactional
public class Fees {

	private final JdbcClient jdbc;

	private final FeeRates rates;

	private final MemberRoll roll;

	private final Members members;

	private final OrganizationTree tree;

	private final RuleBook rules;

	private final AuditLog audit;

	private final Today today;

	Fees(JdbcClient jdbc, FeeRates rates, MemberRoll roll, Members members, OrganizationTree tree, RuleBook rules,
			AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.rates = rates;
		this.roll = roll;
		this.members = members;
		this.tree = tree;
		this.rules = rules;
		this.audit = audit;
		this.today = today;
	}

	/** One ledger line: a member's month. */
	public record Line(long memberId, String fullName, long organizationId, String organizationName,
			FeeCategory category, long baseAmount, long due, String relief, long paid, LocalDate paidOn, String channel,
			long arrears, int unpaidMonthsInYear, boolean removalFlag, String unpaidReason) {
	}

	/** A confirmation of payment, imported from the portal. */
	public record Confirmation(long memberId, YearMonth month, long amount, LocalDate paidOn, String reference) {
	}

	static void requireFeeEditor(CurrentUser user) {
		if (!(user.editsRegister() || user.has(Role.LEADER))) {
			throw new org.springframework.security.access.AccessDeniedException("fees");
		}
	}

	/** Sets a member's fee category, base and voluntary extra from a date; audited. */
	public void setProfile(CurrentUser user, long memberId, FeeCategory category, long baseAmount, long voluntaryExtra,
			LocalDate from) {
		requireFeeEditor(user);
		if (category == null) {
			throw new InvalidInputException("category", "error.required");
		}
		if (from == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		if (baseAmount < 0 || voluntaryExtra < 0) {
			throw new InvalidInputException("baseAmount", "error.fee.amount-negative");
		}
		if (category.percentOfBase() && baseAmount == 0) {
			throw new InvalidInputException("baseAmount", "error.fee.base-required");
		}
		if (!this.members.visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		Boolean later = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM fee_profile WHERE member_id = :m AND valid_from >= :d)")
			.param("m", memberId)
			.param("d", from)
			.query(Boolean.class)
			.single();
		if (later) {
			throw new RuleViolationException("error.fee.profile-later", from);
		}
		this.jdbc.sql("UPDATE fee_profile SET valid_to = :d WHERE member_id = :m AND valid_to IS NULL")
			.param("d", from)
			.param("m", memberId)
			.update();
		this.jdbc.sql("""
				INSERT INTO fee_profile (member_id, category, base_amount, voluntary_extra, valid_from, recorded_by)
				VALUES (:m, :c, :b, :e, :d, :by)
				""")
			.param("m", memberId)
			.param("c", category.name())
			.param("b", baseAmount)
			.param("e", voluntaryExtra)
			.param("d", from)
			.param("by", user.username())
			.update();
		this.audit.record(user.username(), "FEE_PROFILE", "member", memberId, null, Map.of("category", category.name(),
				"base", baseAmount, "extra", voluntaryExtra, "from", from.toString()));
	}

	/**
	 * Approves an exemption or reduction on application: poverty, serious illness and the
	 * social pension exempt fully; hardship exempts or reduces by a share the rule book
	 * allows, for at most its number of months per approval.
	 */
	public long grantRelief(CurrentUser user, long memberId, ReliefKind kind, int percent, LocalDate from, LocalDate to,
			String decisionRef) {
		requireFeeEditor(user);
		if (kind == null) {
			throw new InvalidInputException("kind", "error.required");
		}
		if (from == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		if (decisionRef == null || decisionRef.isBlank()) {
			throw new InvalidInputException("decisionRef", "error.required");
		}
		if (!this.members.visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
		if (to != null && !to.isAfter(from)) {
			throw new InvalidInputException("validTo", "error.fee.period");
		}
		if (kind != ReliefKind.HARDSHIP) {
			percent = 100;
		}
		else {
			Rule allowed = this.rules.require("fee.reduction.percents", from);
			List<String> shares = Arrays.stream(allowed.value().split(",")).map(String::strip).toList();
			if (percent != 100 && !shares.contains(String.valueOf(percent))) {
				throw new InvalidInputException("percent", "error.fee.reduction-percent", allowed.value(),
						allowed.sourceDocument());
			}
			Rule months = this.rules.require("fee.relief.max-months", from);
			LocalDate limit = from.plusMonths(Integer.parseInt(months.value().strip()));
			if (to == null || to.isAfter(limit)) {
				throw new InvalidInputException("validTo", "error.fee.relief-too-long", months.value(),
						months.sourceDocument());
			}
		}
		long id = this.jdbc.sql("""
				INSERT INTO fee_relief (member_id, kind, percent, valid_from, valid_to, decision_ref, recorded_by)
				VALUES (:m, :k, :p, :f, :t, :ref, :by) RETURNING id
				""")
			.param("m", memberId)
			.param("k", kind.name())
			.param("p", percent)
			.param("f", from)
			.param("t", to)
			.param("ref", decisionRef.strip())
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "FEE_RELIEF", "member", memberId, null,
				Map.of("kind", kind.name(), "percent", percent, "from", from.toString()));
		return id;
	}

	/**
	 * Opens the month's ledger for every member in the Party placed in the organisation's
	 * subtree on the month's first day; rows already opened stay as they are. Returns the
	 * number of rows opened.
	 */
	public int openMonth(CurrentUser user, long organizationId, YearMonth month) {
		requireFeeEditor(user);
		LocalDate first = month.atDay(1);
		if (first.isAfter(this.today.date())) {
			throw new InvalidInputException("month", "error.fee.month-future");
		}
		if (this.tree.find(user, organizationId, first).isEmpty()) {
			throw new NotFoundException("organization " + organizationId);
		}
		List<MemberRoll.Entry> entries = this.roll.on(user.scope(), organizationId, first);
		if (entries.isEmpty()) {
			return 0;
		}
		Long[] ids = entries.stream().map(MemberRoll.Entry::memberId).toArray(Long[]::new);
		boolean previous = this.rates.basedOnPreviousMonth(first);
		Map<Long, Object[]> profiles = new HashMap<>();
		this.jdbc.sql("""
				SELECT member_id, category, base_amount, voluntary_extra FROM fee_profile
				WHERE member_id = ANY(:ids) AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				""")
			.param("ids", ids)
			.param("d", first)
			.query((rs, n) -> profiles.put(rs.getLong(1),
					new Object[] { FeeCategory.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4) }))
			.list();
		Map<Long, Long> previousBase = new HashMap<>();
		if (previous) {
			this.jdbc.sql("""
					SELECT member_id, base_amount FROM fee_profile
					WHERE member_id = ANY(:ids) AND category = 'SOCIAL_INSURANCE_SALARY' AND valid_from <= :d
					  AND (valid_to IS NULL OR valid_to > :d)
					""")
				.param("ids", ids)
				.param("d", first.minusDays(1))
				.query((rs, n) -> previousBase.put(rs.getLong(1), rs.getLong(2)))
				.list();
		}
		Map<Long, Object[]> reliefs = new HashMap<>();
		this.jdbc.sql("""
				SELECT member_id, kind, max(percent) FROM fee_relief
				WHERE member_id = ANY(:ids) AND closed_reason IS NULL AND valid_from <= :d
				  AND (valid_to IS NULL OR valid_to > :d)
				GROUP BY member_id, kind ORDER BY max(percent)
				""")
			.param("ids", ids)
			.param("d", first)
			.query((rs, n) -> reliefs.put(rs.getLong(1),
					new Object[] { ReliefKind.valueOf(rs.getString(2)), rs.getInt(3) }))
			.list();
		List<Object[]> rows = new ArrayList<>();
		FeeRates.Table table = this.rates.table(first);
		for (MemberRoll.Entry e : entries) {
			Object[] p = profiles.get(e.memberId());
			FeeCategory category = p == null ? FeeCategory.OTHER : (FeeCategory) p[0];
			long base = p == null ? 0 : (Long) p[1];
			if (category == FeeCategory.SOCIAL_INSURANCE_SALARY && previousBase.containsKey(e.memberId())) {
				base = previousBase.get(e.memberId());
			}
			long extra = p == null ? 0 : (Long) p[2];
			Object[] r = reliefs.get(e.memberId());
			FeeRates.Due due = table.due(
					new FeeRates.Payer(category, base, extra, e.sex(), e.dateOfBirth(), e.partyAgeFrom()),
					r == null ? null : (ReliefKind) r[0], r == null ? 0 : (Integer) r[1]);
			rows.add(new Object[] { e.memberId(), first, e.organizationId(), e.fullName(), category.name(), base,
					due.amount(), due.relief() });
		}
		int opened = insertRows(rows)[0];
		this.audit.record(user.username(), "FEE_OPEN_MONTH", "organization", organizationId, null,
				Map.of("month", month.toString(), "opened", opened));
		return opened;
	}

	private int[] insertRows(List<Object[]> rows) {
		int n = rows.size();
		Long[] members = new Long[n];
		Long[] organizations = new Long[n];
		String[] names = new String[n];
		String[] categories = new String[n];
		Long[] bases = new Long[n];
		Long[] dues = new Long[n];
		String[] reliefs = new String[n];
		for (int i = 0; i < n; i++) {
			Object[] r = rows.get(i);
			members[i] = (Long) r[0];
			organizations[i] = (Long) r[2];
			names[i] = (String) r[3];
			categories[i] = (String) r[4];
			bases[i] = (Long) r[5];
			dues[i] = (Long) r[6];
			reliefs[i] = (String) r[7];
		}
		int opened = this.jdbc
			.sql("""
					INSERT INTO fee_ledger (member_id, month, organization_id, member_name, category, base_amount, due, relief)
					SELECT v.m, CAST(:month AS date), v.o, v.n, v.c, v.b, v.d, v.r
					FROM unnest(CAST(:m AS bigint[]), CAST(:o AS bigint[]), CAST(:n AS text[]), CAST(:c AS text[]),
					            CAST(:b AS bigint[]), CAST(:d AS bigint[]), CAST(:r AS text[])) AS v (m, o, n, c, b, d, r)
					ON CONFLICT (member_id, month) DO NOTHING
					""")
			.param("month", rows.get(0)[1])
			.param("m", members)
			.param("o", organizations)
			.param("n", names)
			.param("c", categories)
			.param("b", bases)
			.param("d", dues)
			.param("r", reliefs)
			.update();
		return new int[] { opened };
	}

	/** A member's fee category and base, for setting many at once. */
	public record Profile(long memberId, FeeCategory category, long baseAmount, long voluntaryExtra) {
	}

	/**
	 * Sets the fee profiles of many members of an organisation's subtree from a date (an
	 * import of the cell's fee book); members without a profile yet only. Returns how
	 * many were set.
	 */
	public int setProfiles(CurrentUser user, long organizationId, LocalDate from, List<Profile> profiles) {
		requireFeeEditor(user);
		java.util.Set<Long> onRoll = new java.util.HashSet<>();
		this.roll.on(user.scope(), organizationId, from).forEach((e) -> onRoll.add(e.memberId()));
		int set = 0;
		for (int start = 0; start < profiles.size(); start += 500) {
			List<Profile> chunk = profiles.subList(start, Math.min(profiles.size(), start + 500));
			StringBuilder sql = new StringBuilder("""
					INSERT INTO fee_profile (member_id, category, base_amount, voluntary_extra, valid_from, recorded_by)
					SELECT * FROM (VALUES
					""");
			Map<String, Object> params = new HashMap<>();
			params.put("from", from);
			params.put("by", user.username());
			for (int i = 0; i < chunk.size(); i++) {
				Profile p = chunk.get(i);
				if (!onRoll.contains(p.memberId())) {
					throw new InvalidInputException("memberId", "error.fee.not-on-roll", p.memberId());
				}
				if (p.baseAmount() < 0 || p.voluntaryExtra() < 0) {
					throw new InvalidInputException("baseAmount", "error.fee.amount-negative");
				}
				sql.append(i == 0 ? "" : ",")
					.append("(CAST(:m" + i + " AS bigint), CAST(:c" + i + " AS text), CAST(:b" + i
							+ " AS bigint), CAST(:e" + i + " AS bigint), CAST(:from AS date), CAST(:by AS text))");
				params.put("m" + i, p.memberId());
				params.put("c" + i, p.category().name());
				params.put("b" + i, p.baseAmount());
				params.put("e" + i, p.voluntaryExtra());
			}
			sql.append(
					"""
							) AS v (member_id, category, base_amount, voluntary_extra, valid_from, recorded_by)
							WHERE NOT EXISTS (SELECT 1 FROM fee_profile f WHERE f.member_id = v.member_id AND f.valid_from >= :from)
							""");
			this.jdbc.sql("""
					UPDATE fee_profile SET valid_to = :from WHERE member_id = ANY(:ids) AND valid_from < :from
					  AND (valid_to IS NULL OR valid_to > :from)
					""")
				.param("from", from)
				.param("ids", chunk.stream().map(Profile::memberId).toArray(Long[]::new))
				.update();
			set += this.jdbc.sql(sql.toString()).params(params).update();
		}
		this.audit.record(user.username(), "FEE_PROFILES", "organization", organizationId, null,
				Map.of("from", from.toString(), "set", set));
		return set;
	}

	/**
	 * Records that every member of the subtree paid the month's fee in full at the cell
	 * meeting, except those named; returns how many lines were paid.
	 */
	public int collectAll(CurrentUser user, long organizationId, YearMonth month, LocalDate paidOn,
			java.util.Collection<Long> except) {
		requireFeeEditor(user);
		if (paidOn == null || paidOn.isAfter(this.today.date())) {
			throw new InvalidInputException("paidOn", "error.date.future");
		}
		LocalDate first = month.atDay(1);
		int n = this.jdbc.sql("""
				UPDATE fee_ledger SET paid = due, paid_on = :d, channel = 'CASH', version = version + 1
				WHERE month = :mo AND paid < due AND NOT (member_id = ANY(:except))
				  AND organization_id IN (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :org
				        AND c.valid_from <= :mo AND (c.valid_to IS NULL OR c.valid_to > :mo))
				  AND organization_id IN (SELECT id FROM organization_visible(:roots, :global, :mo))
				""")
			.param("d", paidOn)
			.param("mo", first)
			.param("except", except.toArray(Long[]::new))
			.param("org", organizationId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.update();
		this.audit.record(user.username(), "FEE_COLLECT", "organization", organizationId, null,
				Map.of("month", month.toString(), "paid", n));
		return n;
	}

	/** Records a cash payment at the cell, adding to what was paid for the month. */
	public void pay(CurrentUser user, long memberId, YearMonth month, long amount, LocalDate paidOn, String channel,
			String reference) {
		requireFeeEditor(user);
		if (month == null) {
			throw new InvalidInputException("month", "error.required");
		}
		if (amount <= 0) {
			throw new InvalidInputException("amount", "error.fee.amount-positive");
		}
		if (paidOn == null) {
			throw new InvalidInputException("paidOn", "error.required");
		}
		if (paidOn.isAfter(this.today.date())) {
			throw new InvalidInputException("paidOn", "error.date.future");
		}
		long org = ledgerOrganization(user, memberId, month);
		int n = this.jdbc.sql("""
				UPDATE fee_ledger SET paid = paid + :a, paid_on = :d, channel = :ch, payment_ref = :ref,
				  version = version + 1
				WHERE member_id = :m AND month = :mo
				""")
			.param("a", amount)
			.param("d", paidOn)
			.param("ch", channel == null ? "CASH" : channel)
			.param("ref", reference == null || reference.isBlank() ? null : reference.strip())
			.param("m", memberId)
			.param("mo", month.atDay(1))
			.update();
		if (n != 1) {
			throw new RuleViolationException("error.concurrent-edit");
		}
		this.audit.record(user.username(), "FEE_PAY", "member", memberId, null,
				Map.of("month", month.toString(), "amount", amount, "organizationId", org));
	}

	/**
	 * Imports the portal's payment confirmations, all or nothing: a line for a month not
	 * opened or outside the caller's scope refuses the whole file, naming the line.
	 */
	public int importConfirmations(CurrentUser user, List<Confirmation> confirmations) {
		requireFeeEditor(user);
		int line = 0;
		for (Confirmation c : confirmations) {
			line++;
			try {
				pay(user, c.memberId(), c.month(), c.amount(), c.paidOn(), "PORTAL", c.reference());
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("file", "error.fee.import-line", line, c.memberId(), c.month());
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException("file", "error.fee.import-line", line, c.memberId(), c.month());
			}
		}
		return line;
	}

	/** Parses the portal's CSV: member id; YYYY-MM; amount; payment date; reference. */
	public static List<Confirmation> parse(String csv) {
		List<Confirmation> list = new ArrayList<>();
		int n = 0;
		for (String raw : csv.split("\\R")) {
			n++;
			String line = raw.strip();
			if (line.isEmpty() || (n == 1 && !Character.isDigit(line.charAt(0)))) {
				continue;
			}
			String[] f = line.split("[;,]");
			try {
				list.add(new Confirmation(Long.parseLong(f[0].strip()), YearMonth.parse(f[1].strip()),
						Long.parseLong(f[2].strip().replace(".", "")), LocalDate.parse(f[3].strip()),
						f.length > 4 ? f[4].strip() : null));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("file", "error.fee.import-format", n);
			}
		}
		return list;
	}

	/** Records why a month was not paid (the removal flag then ignores it). */
	public void excuse(CurrentUser user, long memberId, YearMonth month, String reason) {
		requireFeeEditor(user);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.required");
		}
		ledgerOrganization(user, memberId, month);
		this.jdbc.sql("UPDATE fee_ledger SET unpaid_reason = :r WHERE member_id = :m AND month = :mo")
			.param("r", VietnameseText.clean(reason.strip()))
			.param("m", memberId)
			.param("mo", month.atDay(1))
			.update();
		this.audit.record(user.username(), "FEE_EXCUSE", "member", memberId, null, month.toString());
	}

	private long ledgerOrganization(CurrentUser user, long memberId, YearMonth month) {
		LocalDate first = month.atDay(1);
		return this.jdbc.sql("""
				SELECT organization_id FROM fee_ledger WHERE member_id = :m AND month = :mo
				  AND organization_id IN (SELECT id FROM organization_visible(:roots, :global, :mo))
				""")
			.param("m", memberId)
			.param("mo", first)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("ledger " + memberId + " " + month));
	}

	/**
	 * The month's ledger of an organisation's subtree: per member what was due and paid,
	 * the arrears up to the month, the unpaid months of the year without a reason and the
	 * removal-from-roll flag when they reach the rule book's number.
	 */
	@Transactional(readOnly = true)
	public List<Line> ledger(CurrentUser user, long organizationId, YearMonth month) {
		LocalDate first = month.atDay(1);
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		Integer removal = this.rules.inForce("fee.arrears.removal-months", first)
			.map((r) -> Integer.parseInt(r.value().strip()))
			.orElse(null);
		return this.jdbc
			.sql("""
					SELECT * FROM (
					SELECT l.member_id, l.member_name, l.organization_id,
					       (SELECT n.name FROM organization_name n WHERE n.organization_id = l.organization_id
					          AND n.valid_from <= :mo AND (n.valid_to IS NULL OR n.valid_to > :mo)) AS org_name,
					       l.category, l.base_amount, l.due, l.relief, l.paid, l.paid_on, l.channel,
					       (SELECT coalesce(sum(greatest(a.due - a.paid, 0)), 0) FROM fee_ledger a
					          WHERE a.member_id = l.member_id AND a.month <= :mo AND a.unpaid_reason IS NULL) AS arrears,
					       (SELECT count(*) FROM fee_ledger y WHERE y.member_id = l.member_id AND y.month >= :year
					          AND y.month <= :mo AND y.due > 0 AND y.paid < y.due AND y.unpaid_reason IS NULL) AS unpaid,
					       l.unpaid_reason
					FROM fee_ledger l
					WHERE l.month = :mo
					  AND l.organization_id IN (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :org
					        AND c.valid_from <= :mo AND (c.valid_to IS NULL OR c.valid_to > :mo))
					  AND l.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :mo))
					) x
					ORDER BY x.org_name COLLATE vi_vn, regexp_replace(x.member_name, '^.*\\s', '') COLLATE vi_vn, x.member_name
					""")
			.param("mo", first)
			.param("year", first.withDayOfYear(1))
			.param("org", organizationId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> {
				int unpaid = rs.getInt("unpaid");
				return new Line(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
						FeeCategory.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getString(8),
						rs.getLong(9), rs.getObject(10, LocalDate.class), rs.getString(11), rs.getLong(12), unpaid,
						removal != null && unpaid >= removal, rs.getString(14));
			})
			.list();
	}

}
