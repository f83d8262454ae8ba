package vn.capuy.fee;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberRoll;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.SampleExtension;
import vn.capuy.system.Today;

/**
 * The sample's fee ledgers, kept fast: every member's ledger for 2012 and for January
 * 2025 to the current month only, with invented salaries and pensions, a few reliefs,
 * cash collected at the meetings, and some members in arrears (flagged from 2026).
 */
@Component
class FeeSample implements SampleExtension {

	private final Fees fees;

	private final Remittances remittances;

	private final OrganizationTree tree;

	private final MemberRoll roll;

	private final Today today;

	FeeSample(Fees fees, Remittances remittances, OrganizationTree tree, MemberRoll roll, Today today) {
		this.fees = fees;
		this.remittances = remittances;
		this.tree = tree;
		this.roll = roll;
		this.today = today;
	}

	@Override
	public int order() {
		return 71;
	}

	@Override
	public String name() {
		return "party fees (2012, 2025–today)";
	}

	@Override
	public void load() {
		Random random = new Random(20100128L);
		CurrentUser system = CurrentUser.system();
		period(system, random, YearMonth.of(2012, 1), YearMonth.of(2012, 12), 2_000_000, 6_000_000);
		YearMonth now = YearMonth.from(this.today.date());
		if (!now.isBefore(YearMonth.of(2025, 1))) {
			period(system, random, YearMonth.of(2025, 1), now, 5_000_000, 25_000_000);
		}
	}

	private void period(CurrentUser system, Random random, YearMonth from, YearMonth to, int minSalary, int maxSalary) {
		LocalDate start = from.atDay(1);
		List<Long> roots = roots(system, start);
		// members with arrears through the period, and a few with a hardship reduction
		Set<Long> defaulters = new HashSet<>();
		for (Long root : roots) {
			List<MemberRoll.Entry> entries = this.roll.on(system.scope(), root, start);
			List<Fees.Profile> profiles = new ArrayList<>();
			for (MemberRoll.Entry e : entries) {
				int roll = random.nextInt(100);
				FeeCategory category = roll < 85 ? FeeCategory.SOCIAL_INSURANCE_SALARY
						: roll < 95 ? FeeCategory.PENSION : roll < 97 ? FeeCategory.STUDENT : FeeCategory.OTHER;
				long base = switch (category) {
					case SOCIAL_INSURANCE_SALARY -> (minSalary + random.nextInt(maxSalary - minSalary)) / 1000 * 1000L;
					case PENSION -> (minSalary / 2 + random.nextInt(maxSalary / 2)) / 1000 * 1000L;
					default -> 0L;
				};
				long extra = random.nextInt(50) == 0 ? 10_000 : 0;
				profiles.add(new Fees.Profile(e.memberId(), category, base, extra));
				if (random.nextInt(120) == 0) {
					defaulters.add(e.memberId());
				}
				else if (random.nextInt(300) == 0) {
					this.fees.grantRelief(system, e.memberId(), ReliefKind.HARDSHIP, 50, start, start.plusMonths(12),
							"Quyết định miễn giảm đảng phí (mẫu)");
				}
			}
			this.fees.setProfiles(system, root, start, profiles);
		}
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			LocalDate first = m.atDay(1);
			LocalDate paidOn = first.plusDays(9).isAfter(this.today.date()) ? this.today.date() : first.plusDays(9);
			for (Long root : roots(system, first)) {
				this.fees.openMonth(system, root, m);
				this.fees.collectAll(system, root, m, paidOn, defaulters);
			}
		}
		// the first grassroots organisations record what they remitted in January, one
		// of them short (for reconciliation)
		LocalDate jan = from.atDay(1);
		int recorded = 0;
		for (Organization o : this.tree.list(system, jan)) {
			if (recorded >= 3 || !o.type().isGrassroots()) {
				continue;
			}
			Remittances.Report report = this.remittances.report(system, o.id(), from.getYear(), from.getMonthValue());
			long due = report.rows()
				.stream()
				.filter((r) -> r.organizationId() == o.id())
				.mapToLong(Remittances.Row::remitted)
				.sum();
			if (due > 0) {
				this.remittances.record(system, o.id(), from, recorded == 2 ? due - 1000 : due, jan.plusDays(20),
						"Giấy nộp tiền đảng phí (mẫu) số " + (recorded + 1));
				recorded++;
			}
		}
	}

	private List<Long> roots(CurrentUser system, LocalDate date) {
		List<Organization> all = this.tree.list(system, date);
		Set<Long> ids = new HashSet<>();
		all.forEach((o) -> ids.add(o.id()));
		return all.stream()
			.filter((o) -> o.parentId() == null || !ids.contains(o.parentId()))
			.map(Organization::id)
			.sorted()
			.toList();
	}

}
