package vn.capuy.fee;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Today;

/**
 * Who keeps what of the fees collected: each level keeps its share (rule book, by type
 * and month) of what its own members paid plus what its subordinates remitted, and remits
 * the rest to the level above; the report sets what should have been remitted against
 * what was recorded as remitted.
 */
@Service
@Transactional
public class Remittances {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final FeeRates rates;

	private final AuditLog audit;

	private final Today today;

	Remittances(JdbcClient jdbc, OrganizationTree tree, FeeRates rates, AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.rates = rates;
		this.audit = audit;
		this.today = today;
	}

	/** One level's figures over the period. */
	public record Row(long organizationId, String name, String type, int depth, long collected, long received,
			long kept, long remitted, long recorded) {

		public long difference() {
			return this.recorded - this.remitted;
		}

		/**
		 * How what was recorded stands against what should have been remitted: OK, SHORT
		 * or OVER.
		 */
		public String reconciliation() {
			long d = difference();
			return d == 0 ? "OK" : (d < 0 ? "SHORT" : "OVER");
		}

	}

	/** A month's totals: collected by the cells, kept in the tree, remitted above it. */
	public record Month(YearMonth month, long collected, long kept, long remittedAbove) {
	}

	/** The report of a year (or one month of it). */
	public record Report(long organizationId, int year, Integer month, List<Row> rows, List<Month> months) {

		public long collected() {
			return this.months.stream().mapToLong(Month::collected).sum();
		}

		public long kept() {
			return this.months.stream().mapToLong(Month::kept).sum();
		}

		public long remittedAbove() {
			return this.months.stream().mapToLong(Month::remittedAbove).sum();
		}

	}

	/**
	 * The remittance report of an organisation's subtree for a year, or for one month.
	 */
	@Transactional(readOnly = true)
	public Report report(CurrentUser user, long organizationId, int year, Integer month) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		if (month != null && (month < 1 || month > 12)) {
			throw new InvalidInputException("month", "error.fee.month");
		}
		Map<Long, long[]> totals = new LinkedHashMap<>();
		Map<Long, Organization> seen = new HashMap<>();
		Map<Long, Integer> depths = new HashMap<>();
		List<Month> months = new ArrayList<>();
		for (int m = month == null ? 1 : month; m <= (month == null ? 12 : month); m++) {
			YearMonth ym = YearMonth.of(year, m);
			if (ym.atDay(1).isAfter(this.today.date())) {
				break;
			}
			months.add(computeMonth(user, organizationId, ym, totals, seen, depths));
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<Long, long[]> e : totals.entrySet()) {
			Organization o = seen.get(e.getKey());
			long[] t = e.getValue();
			rows.add(new Row(o.id(), o.name(), o.type().name(), depths.getOrDefault(o.id(), 0), t[0], t[1], t[2], t[3],
					t[4]));
		}
		rows.sort(java.util.Comparator.comparingInt(Row::depth).thenComparing(Row::name));
		return new Report(organizationId, year, month, rows, months);
	}

	private Month computeMonth(CurrentUser user, long organizationId, YearMonth ym, Map<Long, long[]> totals,
			Map<Long, Organization> seen, Map<Long, Integer> depths) {
		LocalDate first = ym.atDay(1);
		List<Organization> visible = this.tree.list(user, first);
		Map<Long, Organization> byId = new HashMap<>();
		visible.forEach((o) -> byId.put(o.id(), o));
		Map<Long, List<Long>> children = new HashMap<>();
		for (Organization o : visible) {
			if (o.parentId() != null && byId.containsKey(o.parentId())) {
				children.computeIfAbsent(o.parentId(), (k) -> new ArrayList<>()).add(o.id());
			}
		}
		List<Long> roots = new ArrayList<>();
		if (byId.containsKey(organizationId)) {
			roots.add(organizationId);
		}
		else if (user.scopeRoots().contains(organizationId) || user.global()) {
			// the organisation did not exist that month (merged later): its predecessors'
			// subtrees in the caller's scope stand for it
			for (Organization o : visible) {
				if (o.parentId() == null || !byId.containsKey(o.parentId())) {
					roots.add(o.id());
				}
			}
		}
		Map<Long, Long> collected = new HashMap<>();
		this.jdbc.sql("""
				SELECT organization_id, sum(paid) FROM fee_ledger WHERE month = :mo GROUP BY organization_id
				""").param("mo", first).query((rs, n) -> collected.put(rs.getLong(1), rs.getLong(2))).list();
		Map<Long, Long> recorded = new HashMap<>();
		this.jdbc.sql("""
				SELECT organization_id, sum(amount) FROM fee_remittance WHERE month = :mo GROUP BY organization_id
				""").param("mo", first).query((rs, n) -> recorded.put(rs.getLong(1), rs.getLong(2))).list();
		long[] monthTotals = new long[3];
		Set<Long> done = new HashSet<>();
		Map<String, Integer> keep = new HashMap<>();
		for (Long root : roots) {
			long remitted = walk(root, 0, byId, children, collected, recorded, first, totals, seen, depths, monthTotals,
					done, keep);
			monthTotals[2] += remitted;
		}
		return new Month(ym, monthTotals[0], monthTotals[1], monthTotals[2]);
	}

	/** Computes a node after its children; answers what it remits upward. */
	private long walk(long id, int depth, Map<Long, Organization> byId, Map<Long, List<Long>> children,
			Map<Long, Long> collected, Map<Long, Long> recorded, LocalDate month, Map<Long, long[]> totals,
			Map<Long, Organization> seen, Map<Long, Integer> depths, long[] monthTotals, Set<Long> done,
			Map<String, Integer> keep) {
		if (!done.add(id)) {
			return 0;
		}
		long received = 0;
		for (Long child : children.getOrDefault(id, List.of())) {
			received += walk(child, depth + 1, byId, children, collected, recorded, month, totals, seen, depths,
					monthTotals, done, keep);
		}
		Organization org = byId.get(id);
		long own = collected.getOrDefault(id, 0L);
		int share = keep.computeIfAbsent(org.type().name(), (type) -> this.rates.retention(type, month));
		long[] split = FeeRates.split(own + received, share);
		long[] t = totals.computeIfAbsent(id, (k) -> new long[5]);
		t[0] += own;
		t[1] += received;
		t[2] += split[0];
		t[3] += split[1];
		t[4] += recorded.getOrDefault(id, 0L);
		seen.put(id, org);
		depths.putIfAbsent(id, depth);
		monthTotals[0] += own;
		monthTotals[1] += split[0];
		return split[1];
	}

	/**
	 * Records a remittance an organisation made to the level above for a month; the
	 * report then sets it against what should have been remitted. One transaction,
	 * audited.
	 */
	public long record(CurrentUser user, Long organizationId, YearMonth month, Long amount, LocalDate remittedOn,
			String reference) {
		Fees.requireFeeEditor(user);
		if (organizationId == null) {
			throw new InvalidInputException("organizationId", "error.required");
		}
		if (month == null) {
			throw new InvalidInputException("month", "error.required");
		}
		if (month.atDay(1).isAfter(this.today.date())) {
			throw new InvalidInputException("month", "error.fee.remittance-month-future", month);
		}
		if (amount == null) {
			throw new InvalidInputException("amount", "error.required");
		}
		if (amount <= 0) {
			throw new InvalidInputException("amount", "error.fee.amount-positive");
		}
		if (remittedOn == null) {
			throw new InvalidInputException("remittedOn", "error.required");
		}
		if (remittedOn.isAfter(this.today.date())) {
			throw new InvalidInputException("remittedOn", "error.date.future");
		}
		if (remittedOn.isBefore(month.atDay(1))) {
			throw new InvalidInputException("remittedOn", "error.fee.remitted-before-month", month);
		}
		if (reference == null || reference.isBlank()) {
			throw new InvalidInputException("reference", "error.required");
		}
		if (this.tree.find(user, organizationId, month.atDay(1)).isEmpty()) {
			throw new NotFoundException("organization " + organizationId);
		}
		long id = this.jdbc.sql("""
				INSERT INTO fee_remittance (organization_id, month, amount, remitted_on, reference, recorded_by)
				VALUES (:o, :m, :a, :d, :r, :by) RETURNING id
				""")
			.param("o", organizationId)
			.param("m", month.atDay(1))
			.param("a", amount)
			.param("d", remittedOn)
			.param("r", reference.strip())
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "FEE_REMIT", "organization", organizationId, null,
				Map.of("month", month.toString(), "amount", amount, "reference", reference.strip()));
		return id;
	}

	/** A remittance as recorded. */
	public record Recorded(long id, long organizationId, String organization, YearMonth month, long amount,
			LocalDate remittedOn, String reference, String recordedBy) {
	}

	/**
	 * The remittances recorded in a year by the organisation and every organisation ever
	 * under it; 404 outside the caller's scope.
	 */
	@Transactional(readOnly = true)
	public List<Recorded> recorded(CurrentUser user, long organizationId, int year) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		return this.jdbc.sql("""
				SELECT r.id, r.organization_id,
				  (SELECT n.name FROM organization_name n WHERE n.organization_id = r.organization_id
				   ORDER BY (n.valid_from <= r.month) DESC, n.valid_from DESC LIMIT 1),
				  r.month, r.amount, r.remitted_on, r.reference, r.recorded_by
				FROM fee_remittance r
				WHERE r.month >= :from AND r.month < :to
				  AND r.organization_id IN (SELECT x.id FROM organization_visible_ever(ARRAY[:org]::bigint[], false) x)
				ORDER BY r.month, r.remitted_on, r.id
				""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("org", organizationId)
			.query((rs, n) -> new Recorded(rs.getLong(1), rs.getLong(2), rs.getString(3),
					YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getLong(5), rs.getObject(6, LocalDate.class),
					rs.getString(7), rs.getString(8)))
			.list();
	}

	/**
	 * An amount of money as typed: digits, optionally grouped with dots or spaces
	 * ("1.250.000").
	 */
	public static Long parseAmount(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.strip().replace(".", "").replace(" ", "").replace("\u00a0", "");
		if (!digits.matches("-?\\d{1,15}")) {
			throw new InvalidInputException("amount", "error.fee.amount-number", text.strip());
		}
		return Long.parseLong(digits);
	}

}
