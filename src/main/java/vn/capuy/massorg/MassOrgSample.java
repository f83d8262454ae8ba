package vn.capuy.massorg;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.SampleExtension;
import vn.capuy.system.VietnameseText;

/**
 * The mass organisations of the sample: the Youth Union and the trade union of every
 * grassroots organisation, a women's union and a veterans' association in some, their
 * leaders (the trade union chair a party member of the agency), member counts for
 * 2008–2012 and 2021–2026, a decision of the committee, and Youth Union members proposed
 * for admission in 2025–2026. Invented people and documents, marked "(mẫu)"; fixed seed.
 */
@Component
class MassOrgSample implements SampleExtension {

	private static final long SEED = 19310326L;

	private static final LocalDate FROM = LocalDate.of(2007, 7, 1);

	private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng",
			"Bùi", "Đỗ", "Hồ", "Ngô");

	private static final List<String> MIDDLE = List.of("Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu");

	private static final List<String> GIVEN = List.of("An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hiếu",
			"Khánh", "Lan", "Linh", "Nam", "Phương", "Quân", "Sơn", "Trang", "Tú", "Vy");

	private final MassOrganizations massOrganizations;

	private final OrganizationTree tree;

	private final Members members;

	MassOrgSample(MassOrganizations massOrganizations, OrganizationTree tree, Members members) {
		this.massOrganizations = massOrganizations;
		this.tree = tree;
		this.members = members;
	}

	@Override
	public int order() {
		return 35;
	}

	@Override
	public String name() {
		return "mass organisations";
	}

	@Override
	public void load() {
		Random random = new Random(SEED);
		CurrentUser system = CurrentUser.system();
		List<Organization> grassroots = this.tree.list(system, FROM)
			.stream()
			.filter((o) -> o.type().isGrassroots())
			.sorted(Comparator.comparing(Organization::name, VietnameseText.collator()).thenComparing(Organization::id))
			.toList();
		for (Organization org : grassroots) {
			String agency = org.agencyName() != null ? org.agencyName() : org.name();
			unit(random, system, org, MassOrgKind.YOUTH_UNION, "Đoàn Thanh niên " + agency, 15, 60);
			unit(random, system, org, MassOrgKind.TRADE_UNION, "Công đoàn " + agency, 25, 120);
			if (random.nextInt(100) < 50) {
				unit(random, system, org, MassOrgKind.WOMEN_UNION, "Ban Nữ công " + agency, 10, 50);
			}
			if (random.nextInt(100) < 30) {
				unit(random, system, org, MassOrgKind.VETERANS, "Chi hội Cựu chiến binh " + agency, 5, 20);
			}
		}
	}

	private void unit(Random random, CurrentUser system, Organization org, MassOrgKind kind, String name, int min,
			int max) {
		long id = this.massOrganizations.create(system, org.id(), kind, name, FROM);
		int base = min + random.nextInt(max - min);
		java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
		for (int year : List.of(2008, 2010, 2012, 2021, 2023, 2025, 2026)) {
			counts.put(year, Math.max(0, base + random.nextInt(9) - 4));
		}
		this.massOrganizations.recordCounts(system, id, counts);
		for (LocalDate from : List.of(LocalDate.of(2007, 9, 1), LocalDate.of(2022, 9, 1))) {
			if (!org.activeOn(from) || (org.validTo() != null && !org.validTo().isAfter(from))) {
				continue;
			}
			Long memberId = null;
			String fullName = person(random);
			if (kind != MassOrgKind.YOUTH_UNION) {
				List<MemberListItem> people = this.members
					.search(system, new Members.Query(null, org.id(), MemberStatus.FULL, from, 0, 50))
					.items();
				if (!people.isEmpty()) {
					MemberListItem chosen = people.get(random.nextInt(people.size()));
					memberId = chosen.id();
					fullName = chosen.fullName();
				}
			}
			LeaderTitle title = kind == MassOrgKind.YOUTH_UNION ? LeaderTitle.SECRETARY : LeaderTitle.CHAIR;
			this.massOrganizations.addLeader(system, id, fullName, memberId, title, from,
					"Quyết định chuẩn y kết quả bầu cử (mẫu)");
		}
		this.massOrganizations.recordDecision(system, id, (1 + random.nextInt(90)) + "-NQ/ĐU",
				LocalDate.of(2021, 3, 1).plusDays(random.nextInt(600)), "Nghị quyết về lãnh đạo "
						+ name.toLowerCase(java.util.Locale.ROOT).charAt(0) + name.substring(1) + " (mẫu)");
		if (kind == MassOrgKind.YOUTH_UNION) {
			int candidates = random.nextInt(3);
			for (int i = 0; i < candidates; i++) {
				LocalDate proposed = LocalDate.of(2025, 3, 1).plusDays(random.nextInt(600));
				this.massOrganizations.proposeCandidate(system, id, person(random),
						LocalDate.of(1996, 1, 1).plusDays(random.nextInt(3000)), proposed,
						"Đoàn viên ưu tú, giới thiệu để chi bộ bồi dưỡng (mẫu)");
			}
		}
	}

	private static String person(Random random) {
		return FAMILY.get(random.nextInt(FAMILY.size())) + " " + MIDDLE.get(random.nextInt(MIDDLE.size())) + " "
				+ GIVEN.get(random.nextInt(GIVEN.size()));
	}

}
