package vn.capuy.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.SampleExtension;
import vn.capuy.system.VietnameseText;

/**
 * The committees of the sample: terms, positions, assignments, regulations and
 * self-checks for 2007-07-01 … 2012-12-31 and 2021 … today, with the appointed committees
 * of the 2025 split and merger and the first congresses of the new committees. Some
 * organisations adopt their working regulation late or not at all, some cells are
 * followed by nobody and some large cells have no cell committee, so the dashboard shows
 * real gaps. Deterministic (fixed seed); every document is marked "(mẫu)".
 */
@Component
class CommitteeSample implements SampleExtension {

	private static final Logger log = LoggerFactory.getLogger(CommitteeSample.class);

	private static final long SEED = 20250820L;

	static final LocalDate RECORDS_START = LocalDate.of(2007, 7, 1);

	static final LocalDate SPLIT = LocalDate.of(2025, 2, 1);

	static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

	/** The first congress of the new committees. */
	static final LocalDate FIRST_CONGRESS = LocalDate.of(2025, 8, 20);

	private final Committees committees;

	private final Assignments assignments;

	private final Regulations regulations;

	private final FunctionChecklists checklists;

	private final OrganizationTree tree;

	private final Members members;

	private final Users users;

	CommitteeSample(Committees committees, Assignments assignments, Regulations regulations,
			FunctionChecklists checklists, OrganizationTree tree, Members members, Users users) {
		this.committees = committees;
		this.assignments = assignments;
		this.regulations = regulations;
		this.checklists = checklists;
		this.tree = tree;
		this.members = members;
		this.users = users;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String name() {
		return "committees";
	}

	@Override
	public void load() {
		new Loader().run();
	}

	/** One run of the loader with its random source. */
	private final class Loader {

		private final Random random = new Random(SEED);

		private final CurrentUser system = CurrentUser.system();

		private int documents = 1;

		private int regulated2025;

		/** Milliseconds spent per step, logged at the end to keep the sample fast. */
		private final Map<String, Long> spent = new java.util.TreeMap<>();

		private <T> T timed(String step, java.util.function.Supplier<T> work) {
			long t = System.nanoTime();
			try {
				return work.get();
			}
			finally {
				this.spent.merge(step, (System.nanoTime() - t) / 1_000_000, Long::sum);
			}
		}

		void run() {
			// the first period: the term in progress when the records start, the 2010
			// congresses, the cells' late-2012 congresses
			List<Organization> first = organizations(LocalDate.of(2008, 1, 1));
			for (Organization o : first) {
				term(o, RECORDS_START, "2005–2010", LocalDate.of(2010, 7, 1), null, false);
			}
			List<Organization> tenth = organizations(LocalDate.of(2010, 6, 30));
			for (Organization o : inCongressOrder(tenth)) {
				term(o, congress2010(o), o.type() == OrganizationType.CHI_BO_TRUC_THUOC ? "2010–2012" : "2010–2015",
						null, null, true);
			}
			for (Organization o : organizations(LocalDate.of(2012, 9, 1))) {
				if (o.type() == OrganizationType.CHI_BO_TRUC_THUOC && this.random.nextInt(100) < 85) {
					term(o, between(LocalDate.of(2012, 9, 20), LocalDate.of(2012, 12, 15)), "2012–2015", null, null,
							false);
				}
			}
			// the second period: the 2020 congresses, the cells' 2022 congresses, the
			// committees of the 2025 split and merger and the 2025 congresses
			List<Organization> blocs2020 = new ArrayList<>();
			for (Organization o : inCongressOrder(organizations(LocalDate.of(2020, 6, 30)))) {
				if (o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO) {
					blocs2020.add(o);
				}
				term(o, congress2020(o), o.type() == OrganizationType.CHI_BO_TRUC_THUOC ? "2020–2022" : "2020–2025",
						null, null, true);
			}
			for (Organization o : organizations(LocalDate.of(2022, 9, 1))) {
				if (o.type() == OrganizationType.CHI_BO_TRUC_THUOC && this.random.nextInt(100) < 90) {
					term(o, between(LocalDate.of(2022, 9, 20), LocalDate.of(2022, 12, 15)), "2022–2025", null, null,
							true);
				}
			}
			// the blocs' committees end with the split (the base sample split them before
			// this extension ran, so the event found nothing to close)
			for (Organization bloc : blocs2020) {
				CommitteeSample.this.committees.closeOrganization(this.system, bloc.id(), SPLIT, "SPLIT");
			}
			for (Organization o : organizations(SPLIT)) {
				if (o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO) {
					appointed(o, SPLIT, MERGER);
					CommitteeSample.this.committees.closeOrganization(this.system, o.id(), MERGER, "MERGED");
				}
			}
			for (Organization o : organizations(LocalDate.of(2025, 6, 1))) {
				if (o.type() != OrganizationType.DANG_BO_CAP_TREN_CO_SO) {
					term(o, congress2025(o), "2025–2030", null, null, true);
				}
			}
			for (Organization o : organizations(MERGER)) {
				if (o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO) {
					appointed(o, MERGER, FIRST_CONGRESS);
					term(o, FIRST_CONGRESS, "2025–2030", null, 1, true);
				}
			}
			linkBithu();
			log.info("Sample committees: {} documents (mẫu); milliseconds per step {}", this.documents, this.spent);
		}

		/** Organisations tracked on the date, sorted by name for a stable order. */
		private List<Organization> organizations(LocalDate date) {
			return CommitteeSample.this.tree.list(this.system, date)
				.stream()
				.filter((o) -> CommitteeWarnings.tracked(o.type()) && o.activeOn(date))
				.sorted(Comparator.comparing(Organization::name, VietnameseText.collator())
					.thenComparing(Organization::id))
				.toList();
		}

		/** Cells first, then grassroots organisations, then the blocs. */
		private List<Organization> inCongressOrder(List<Organization> orgs) {
			List<Organization> sorted = new ArrayList<>(orgs);
			sorted.sort(Comparator.comparingInt((Organization o) -> level(o.type())));
			return sorted;
		}

		private int level(OrganizationType type) {
			return switch (type) {
				case CHI_BO_TRUC_THUOC -> 0;
				case DANG_BO_BO_PHAN -> 1;
				case DANG_BO_CO_SO, CHI_BO_CO_SO -> 2;
				default -> 3;
			};
		}

		private LocalDate congress2010(Organization o) {
			return switch (o.type()) {
				case CHI_BO_TRUC_THUOC -> between(LocalDate.of(2010, 2, 20), LocalDate.of(2010, 3, 31));
				case DANG_BO_CAP_TREN_CO_SO -> LocalDate.of(2010, 7, 22);
				default -> between(LocalDate.of(2010, 4, 5), LocalDate.of(2010, 6, 20));
			};
		}

		private LocalDate congress2020(Organization o) {
			return switch (o.type()) {
				case CHI_BO_TRUC_THUOC -> between(LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 31));
				case DANG_BO_CAP_TREN_CO_SO -> LocalDate.of(2020, 8, 12);
				default -> between(LocalDate.of(2020, 4, 5), LocalDate.of(2020, 6, 20));
			};
		}

		private LocalDate congress2025(Organization o) {
			return o.type() == OrganizationType.CHI_BO_TRUC_THUOC
					? between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 15))
					: between(LocalDate.of(2025, 4, 20), LocalDate.of(2025, 6, 25));
		}

		/**
		 * Opens a term and fills it: positions, assignments (for the later terms),
		 * regulations (sometimes late, sometimes never), secretary as agency head,
		 * self-check.
		 */
		private void term(Organization o, LocalDate congress, String label, LocalDate plannedEnd, Integer number,
				boolean full) {
			if (!o.activeOn(congress)) {
				return;
			}
			List<Long> people = timed("people", () -> people(o, congress));
			List<Committees.Seat> seats = seats(o, people);
			long termId = timed("congress",
					() -> CommitteeSample.this.committees.recordCongress(this.system, o.id(),
							new Committees.NewTerm(number, label, congress, plannedEnd, "CONGRESS",
									"Nghị quyết Đại hội nhiệm kỳ " + label + " (mẫu)"),
							FilledBy.ELECTED, "Biên bản bầu cử (mẫu)", seats));
			List<Long> executive = seats.stream()
				.filter((seat) -> seat.position().executive())
				.map(Committees.Seat::memberId)
				.toList();
			if (full) {
				timed("assign", () -> assign(o, congress, executive));
			}
			if (full || o.type() != OrganizationType.CHI_BO_TRUC_THUOC) {
				timed("regulations", () -> regulations(o, congress, label));
			}
			if (termId % 7 == 0 && o.type() != OrganizationType.CHI_BO_TRUC_THUOC) {
				CommitteeSample.this.regulations.recordAgencyHead(this.system, o.id(), congress.getYear() >= 2025,
						congress, "Quyết định của cấp uỷ cấp trên (mẫu)");
			}
			if (congress.getYear() == 2010 || congress.getYear() == 2025) {
				timed("selfCheck", () -> selfCheck(o, congress));
			}
		}

		/**
		 * The appointed (provisional) committee of a new committee, until its congress.
		 */
		private void appointed(Organization o, LocalDate from, LocalDate until) {
			List<Long> people = people(o, from);
			CommitteeSample.this.committees.recordCongress(this.system, o.id(),
					new Committees.NewTerm(null, "lâm thời " + from.getYear(), from, until, "APPOINTMENT",
							"Quyết định chỉ định (mẫu)"),
					FilledBy.APPOINTED, "Quyết định chỉ định Ban Chấp hành lâm thời (mẫu)", seats(o, people));
		}

		/** Full members placed in the organisation's subtree on the date, shuffled. */
		private List<Long> people(Organization o, LocalDate date) {
			// the first 25 in the register's order, without counting them all
			List<Long> ids = new ArrayList<>(CommitteeSample.this.members.searchIds(this.system,
					new Members.Query(null, o.id(), MemberStatus.FULL, date, 0, 25)));
			java.util.Collections.shuffle(ids, this.random);
			return ids;
		}

		/**
		 * The seats of a committee of the organisation's type, filled from the people.
		 */
		private List<Committees.Seat> seats(Organization o, List<Long> people) {
			List<Position> positions = new ArrayList<>();
			positions.add(Position.SECRETARY);
			int full = people.size();
			switch (o.type()) {
				case DANG_BO_CAP_TREN_CO_SO -> {
					positions.addAll(List.of(Position.DEPUTY_SECRETARY, Position.DEPUTY_SECRETARY,
							Position.STANDING_MEMBER, Position.STANDING_MEMBER, Position.STANDING_MEMBER));
					for (int i = 0; i < 7; i++) {
						positions.add(Position.COMMITTEE_MEMBER);
					}
				}
				case DANG_BO_CO_SO -> {
					positions.add(Position.DEPUTY_SECRETARY);
					for (int i = 0; i < 3 + this.random.nextInt(4); i++) {
						positions.add(Position.COMMITTEE_MEMBER);
					}
				}
				default -> {
					// a cell: a committee of 3 or 5 for most cells with 9 full members or
					// more, so that a few large cells are left without one
					if (full >= 9 && this.random.nextInt(100) < 80) {
						positions.add(Position.DEPUTY_SECRETARY);
						int size = this.random.nextInt(100) < 70 ? 3 : 5;
						for (int i = 2; i < size; i++) {
							positions.add(Position.COMMITTEE_MEMBER);
						}
					}
					else if (full >= 5 && this.random.nextBoolean()) {
						positions.add(Position.DEPUTY_SECRETARY);
					}
				}
			}
			List<Committees.Seat> seats = new ArrayList<>();
			int next = 0;
			for (Position position : positions) {
				if (next >= people.size()) {
					break;
				}
				seats.add(new Committees.Seat(position, people.get(next++)));
			}
			if (Position.INSPECTION_CHAIR.allowedIn(o.type()) && !seats.isEmpty()) {
				seats.add(new Committees.Seat(Position.INSPECTION_CHAIR, seats.get(seats.size() - 1).memberId()));
				int inspectors = o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO ? 4 : 2;
				for (int i = 0; i < inspectors && next < people.size(); i++) {
					seats.add(new Committees.Seat(Position.INSPECTION_MEMBER, people.get(next++)));
				}
			}
			return seats;
		}

		/**
		 * Fields for most of the committee's members and the subordinates to follow,
		 * leaving some cells followed by nobody and some fields without a member.
		 */
		private Void assign(Organization o, LocalDate from, List<Long> executive) {
			if (executive.isEmpty() || o.type().isCell()) {
				return null;
			}
			LocalDate on = from.plusDays(10 + this.random.nextInt(20));
			if (!o.activeOn(on)) {
				return null;
			}
			String ref = "Quyết định phân công cấp uỷ viên số " + this.documents++ + "-QĐ/ĐU (mẫu)";
			List<Assignments.NewAssignment> items = new ArrayList<>();
			List<Assignments.Field> fields = CommitteeSample.this.assignments.fields(true);
			int covered = fields.size() - (this.random.nextInt(100) < 60 ? 0 : 1 + this.random.nextInt(3));
			for (int i = 0; i < covered; i++) {
				items.add(new Assignments.NewAssignment(executive.get(i % executive.size()), fields.get(i).code(), null,
						on, ref));
			}
			List<Organization> children = CommitteeSample.this.tree.list(this.system, on)
				.stream()
				.filter((c) -> c.parentId() != null && c.parentId() == o.id() && CommitteeWarnings.tracked(c.type()))
				.sorted(Comparator.comparing(Organization::name, VietnameseText.collator()))
				.toList();
			// above grassroots the standing members follow the grassroots organisations
			List<Long> followers = o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO
					? executive.subList(0, Math.min(6, executive.size())) : executive;
			int k = 0;
			for (Organization child : children) {
				if (this.random.nextInt(100) < 12) {
					continue;
				}
				items.add(new Assignments.NewAssignment(followers.get(k++ % followers.size()), null, child.id(), on,
						ref));
			}
			CommitteeSample.this.assignments.assignAll(this.system, o.id(), on, ref, items);
			return null;
		}

		/**
		 * The working regulation (most within the rule-book days, some late, a few
		 * never), the inspection committee's, a coordination regulation with the agency
		 * head, and a review for some.
		 */
		private Void regulations(Organization o, LocalDate congress, String label) {
			if (!CommitteeWarnings.adoptsWorkingRegulation(o.type())) {
				return null;
			}
			int roll = this.random.nextInt(100);
			// a few committees never adopt theirs, and one in six of the 2025 ones has
			// not yet
			if (roll < 10 || (label.equals("2025–2030") && this.regulated2025++ % 6 == 5)) {
				return null;
			}
			LocalDate adopted = congress
				.plusDays(roll < 25 ? 100 + this.random.nextInt(90) : 20 + this.random.nextInt(60));
			if (!o.activeOn(adopted) || adopted.isAfter(LocalDate.of(2026, 11, 1))) {
				return null;
			}
			String suffix = o.type() == OrganizationType.CHI_BO_CO_SO ? "CB" : "ĐU";
			CommitteeSample.this.regulations.adopt(this.system, o.id(),
					new Regulations.NewRegulation(Regulations.Kind.WORKING, null, null,
							(this.documents++ % 90 + 1) + "-QC/" + suffix,
							"Quy chế làm việc nhiệm kỳ " + label + " (mẫu)", adopted, null, null, null));
			if (Position.INSPECTION_CHAIR.allowedIn(o.type())) {
				CommitteeSample.this.regulations.adopt(this.system, o.id(),
						new Regulations.NewRegulation(Regulations.Kind.INSPECTION_WORKING, null, null,
								(this.documents++ % 90 + 1) + "-QC/UBKT",
								"Quy chế làm việc của Uỷ ban Kiểm tra nhiệm kỳ " + label + " (mẫu)",
								adopted.plusDays(7), null, null, null));
			}
			if (o.type() != OrganizationType.DANG_BO_CAP_TREN_CO_SO && this.random.nextInt(100) < 60) {
				LocalDate coordinated = adopted.plusDays(30);
				if (o.activeOn(coordinated)) {
					CommitteeSample.this.regulations.adopt(this.system, o.id(), new Regulations.NewRegulation(
							Regulations.Kind.COORDINATION, Regulations.Counterpart.AGENCY_HEAD, o.agencyName(),
							(this.documents++ % 90 + 1) + "-QC/" + suffix,
							"Quy chế phối hợp giữa cấp uỷ và thủ trưởng cơ quan (mẫu)", coordinated, null, null, null));
				}
			}
			LocalDate review = adopted.plusMonths(20 + this.random.nextInt(8));
			Regulations.Regulation working = CommitteeSample.this.regulations.of(this.system, o.id())
				.stream()
				.filter((r) -> r.kind() == Regulations.Kind.WORKING)
				.findFirst()
				.orElseThrow();
			if (this.random.nextInt(100) < 50 && review.isBefore(LocalDate.of(2026, 11, 1))
					&& (working.validTo() == null || review.isBefore(working.validTo()))) {
				CommitteeSample.this.regulations.review(this.system, working.id(), review,
						"Rà soát, không sửa đổi (mẫu)");
			}
			return null;
		}

		/** The yearly self-check of some organisations, with some items not done. */
		private Void selfCheck(Organization o, LocalDate congress) {
			int year = congress.getYear();
			if (this.random.nextInt(100) < 50 || LocalDate.of(year, 12, 31).isAfter(LocalDate.of(2026, 11, 1))
					|| !o.activeOn(LocalDate.of(year, 12, 31))) {
				return null;
			}
			Map<Long, Boolean> done = new HashMap<>();
			Map<Long, String> notes = new HashMap<>();
			for (FunctionChecklists.Item item : CommitteeSample.this.checklists.items(o.type(),
					LocalDate.of(year, 12, 31))) {
				boolean ok = this.random.nextInt(100) < 85;
				done.put(item.id(), ok);
				if (!ok) {
					notes.put(item.id(), "Chưa thực hiện đầy đủ (mẫu)");
				}
			}
			if (!done.isEmpty()) {
				CommitteeSample.this.checklists.recordSelfCheck(this.system, o.id(), year, done, notes);
			}
			return null;
		}

		/**
		 * Links the account {@code bithu} to the member who is secretary of its
		 * organisation in the 2025–2030 term, so its grants follow the position.
		 */
		private void linkBithu() {
			Users.UserSummary bithu = CommitteeSample.this.users.list()
				.stream()
				.filter((u) -> u.username().equals("bithu"))
				.findFirst()
				.orElse(null);
			if (bithu == null) {
				return;
			}
			Long org = bithu.grants()
				.stream()
				.filter((g) -> g.role() == Role.SECRETARY && g.organizationId() != null)
				.map(Users.Grant::organizationId)
				.findFirst()
				.orElse(null);
			if (org == null) {
				return;
			}
			LocalDate on = LocalDate.of(2025, 12, 31);
			CommitteeSample.this.committees.committee(this.system, org, on)
				.secretary()
				.ifPresent((s) -> CommitteeSample.this.users.linkMember("bithu", s.memberId(), this.system.username()));
		}

		private LocalDate between(LocalDate from, LocalDate to) {
			long days = to.toEpochDay() - from.toEpochDay();
			return from.plusDays((long) (this.random.nextDouble() * days));
		}

	}

}
