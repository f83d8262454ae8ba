package vn.capuy.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.membership.MemberRecord;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.membership.PoliticalTheory;
import vn.capuy.membership.Sex;
import vn.capuy.organization.OrganizationType;
import vn.capuy.organization.Organizations;
import vn.capuy.organization.Organizations.NewOrganization;

/**
 * Loads the sample committee of the seed story: the Quảng Bình provincial agencies bloc
 * of 2012 with its grassroots organisations and about 4,000 invented members, Quảng Trị's
 * smaller bloc, the split of both blocs early in 2025 and the merger of the two provinces
 * on 1 July 2025, and the sample accounts. Every person and agency-level name is
 * invented; only the provinces and the committees' official names are real. It goes
 * through the public services only, with a fixed random seed, in one transaction.
 */
@Component
public class SampleCommittee {

	/** Password of every sample account. */
	public static final String PASSWORD = "demo";

	/** The day the sample begins: the blocs and their organisations exist from it. */
	public static final LocalDate START = LocalDate.of(2007, 1, 1);

	/** The bloc drops "Dân Chính Đảng" from its name. */
	public static final LocalDate RENAME_DATE = LocalDate.of(2010, 3, 15);

	/** The day of the 2012 newspaper story. */
	public static final LocalDate STORY_DATE = LocalDate.of(2012, 10, 31);

	/** The blocs are split into the two new committees. */
	public static final LocalDate SPLIT_DATE = LocalDate.of(2025, 2, 1);

	/** Quảng Bình and Quảng Trị merge, and so do their committees. */
	public static final LocalDate MERGER_DATE = LocalDate.of(2025, 7, 1);

	public static final String QUANG_BINH = "Đảng bộ tỉnh Quảng Bình";

	/** The name of both the old Quảng Trị root and the new one formed by the merger. */
	public static final String QUANG_TRI = "Đảng bộ tỉnh Quảng Trị";

	/** Quảng Bình's bloc until {@link #RENAME_DATE}. */
	public static final String BLOC_FIRST_NAME = "Đảng bộ Khối các cơ quan Dân Chính Đảng tỉnh";

	/** The blocs' name in the story (Quảng Bình from {@link #RENAME_DATE}, Quảng Trị). */
	public static final String BLOC_NAME = "Đảng bộ Khối các cơ quan tỉnh";

	public static final String PARTY_AGENCIES = "Đảng bộ các cơ quan Đảng tỉnh";

	public static final String PEOPLES_COMMITTEE = "Đảng bộ UBND tỉnh";

	/**
	 * The grassroots committee (Quảng Bình's, from 2007 to today) of the {@code bithu}
	 * account.
	 */
	public static final String BITHU_ORGANIZATION_NAME = "Đảng bộ Văn phòng Tỉnh uỷ";

	/** A cell that has fewer than 3 full members on every date (flagged). */
	public static final String SMALL_CELL = "Chi bộ Trung tâm Ứng dụng tiến bộ khoa học";

	/** A cell that falls below 3 full members when a member dies in 2019 (flagged). */
	public static final String SHRINKING_CELL = "Chi bộ Trung tâm Thông tin";

	/** A grassroots cell with 30 members or more on every date (flagged). */
	public static final String LARGE_GRASSROOTS_CELL = "Chi bộ Liên minh Hợp tác xã tỉnh";

	/** A member to search for, with the cell and grassroots organisation holding them. */
	public record NamedMember(String fullName, String cellName, String grassrootsName) {
	}

	/** Invented; the real official named in the story is never used. */
	public static final NamedMember VINH = new NamedMember("Trần Xuân Vĩnh", "Chi bộ Phòng Tổng hợp",
			BITHU_ORGANIZATION_NAME);

	/** Spelt with the old tone placement. */
	public static final NamedMember THUY_OLD_SPELLING = new NamedMember("Nguyễn Thị Thuỷ",
			"Chi bộ Phòng Tổ chức – Hành chính", "Đảng bộ Sở Tài chính");

	/** Spelt with the new tone placement. */
	public static final NamedMember THUY_NEW_SPELLING = new NamedMember("Nguyễn Thị Thủy", "Chi bộ Ban Dân tộc tỉnh",
			"Chi bộ Ban Dân tộc tỉnh");

	/** The sample accounts, all with {@link #PASSWORD}. */
	public static final List<String> USERNAMES = List.of("admin", "vanphong", "bantochuc", "ubkt", "lanhdao", "bithu");

	private static final long SEED = 20121031L;

	private static final String QB = "QB";

	private static final String QT = "QT";

	private static final LocalDate LAST_ADMISSION = LocalDate.of(2024, 6, 30);

	private static final LocalDate LAST_CHANGE = LocalDate.of(2024, 12, 31);

	private final Organizations organizations;

	private final Members members;

	private final Users users;

	private final TransactionTemplate transaction;

	SampleCommittee(Organizations organizations, Members members, Users users,
			PlatformTransactionManager transactionManager) {
		this.organizations = organizations;
		this.members = members;
		this.users = users;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** Loads the whole sample in one transaction, reporting progress in percent. */
	public void load(IntConsumer progress) {
		this.transaction.executeWithoutResult((status) -> new Loader(progress).run());
	}

	/** A cell created by the loader and what it should hold. */
	private record Cell(long id, String name, long grassrootsId, String grassroots, String province,
			OrganizationType type, int size, boolean special) {
	}

	/** A registered member, as the later steps need them. */
	private record Registered(long id, int cell, LocalDate placedOn, LocalDate fullOn, LocalDate dateOfBirth) {
	}

	/** One run of the loader; holds the random source and what was created so far. */
	private final class Loader {

		private final IntConsumer progress;

		private final Random random = new Random(SEED);

		private final CurrentUser system = CurrentUser.system();

		private final SampleNames names = new SampleNames(this.random, Set.of("Trần Xuân Vinh", VINH.fullName(),
				THUY_OLD_SPELLING.fullName(), THUY_NEW_SPELLING.fullName(), "Nguyễn Thị Thuý", "Nguyễn Thị Thúy"));

		private final List<Cell> cells = new ArrayList<>();

		private final List<Registered> registered = new ArrayList<>();

		private final Set<String> cards = new HashSet<>();

		private final Set<String> citizenIds = new HashSet<>();

		private int lifeHistory = 10_000;

		private int lastPercent = -1;

		Loader(IntConsumer progress) {
			this.progress = progress;
		}

		void run() {
			report(0);
			long quangBinh = create(OrganizationType.DANG_BO_TINH, QUANG_BINH, null, null, "Sample data");
			long quangTri = create(OrganizationType.DANG_BO_TINH, QUANG_TRI, null, null, "Sample data");
			Map<Long, SampleAgencies.Side> qbSides = new HashMap<>();
			Map<Long, SampleAgencies.Side> qtSides = new HashMap<>();
			long qbBloc = bloc(quangBinh, BLOC_FIRST_NAME, QB, SampleAgencies.QUANG_BINH, qbSides);
			report(5);
			long qtBloc = bloc(quangTri, BLOC_NAME, QT, SampleAgencies.QUANG_TRI, qtSides);
			report(8);
			SampleCommittee.this.organizations.rename(this.system, qbBloc, BLOC_NAME, RENAME_DATE,
					"Quyết định 1021-QĐ/TU ngày 15/3/2010 (mẫu)");
			registerAll();
			changes();
			report(88);
			List<Long> qbParts = split(qbBloc, qbSides, "Quyết định 2750-QĐ/TU ngày 24/01/2025 (mẫu)");
			List<Long> qtParts = split(qtBloc, qtSides, "Quyết định 1890-QĐ/TU ngày 23/01/2025 (mẫu)");
			report(92);
			long newQuangTri = SampleCommittee.this.organizations.merge(this.system, List.of(quangBinh, quangTri),
					new NewOrganization(OrganizationType.DANG_BO_TINH, QUANG_TRI, null, null), MERGER_DATE,
					"Quyết định của Bộ Chính trị về hợp nhất Đảng bộ tỉnh (mẫu)");
			long partyAgencies = SampleCommittee.this.organizations.merge(this.system,
					List.of(qbParts.get(0), qtParts.get(0)),
					new NewOrganization(OrganizationType.DANG_BO_CAP_TREN_CO_SO, PARTY_AGENCIES, newQuangTri,
							"Các cơ quan Đảng tỉnh"),
					MERGER_DATE, "Quyết định 01-QĐ/TU ngày 01/7/2025 (mẫu)");
			SampleCommittee.this.organizations.merge(this.system, List.of(qbParts.get(1), qtParts.get(1)),
					new NewOrganization(OrganizationType.DANG_BO_CAP_TREN_CO_SO, PEOPLES_COMMITTEE, newQuangTri,
							"Uỷ ban nhân dân tỉnh"),
					MERGER_DATE, "Quyết định 02-QĐ/TU ngày 01/7/2025 (mẫu)");
			report(96);
			accounts(partyAgencies, grassrootsId(BITHU_ORGANIZATION_NAME, QB));
			report(100);
		}

		private long bloc(long root, String name, String province, List<SampleAgencies.Grassroots> agencies,
				Map<Long, SampleAgencies.Side> sides) {
			long bloc = create(OrganizationType.DANG_BO_CAP_TREN_CO_SO, name, root, "Đảng uỷ Khối các cơ quan tỉnh",
					"Quyết định thành lập (mẫu)");
			for (SampleAgencies.Grassroots agency : agencies) {
				if (agency.committee()) {
					String committeeName = "Đảng bộ " + agency.agency();
					long committee = create(OrganizationType.DANG_BO_CO_SO, committeeName, bloc, agency.agency(),
							"Quyết định thành lập (mẫu)");
					sides.put(committee, agency.side());
					List<String> cellNames = agency.cells().isEmpty() ? pickCells() : agency.cells();
					for (String cellName : cellNames) {
						long cell = create(OrganizationType.CHI_BO_TRUC_THUOC, cellName, committee, null,
								"Quyết định thành lập (mẫu)");
						this.cells.add(new Cell(cell, cellName, committee, committeeName, province,
								OrganizationType.CHI_BO_TRUC_THUOC, cellSize(cellName, province), special(cellName)));
					}
				}
				else {
					String cellName = "Chi bộ " + agency.agency();
					long cell = create(OrganizationType.CHI_BO_CO_SO, cellName, bloc, agency.agency(),
							"Quyết định thành lập (mẫu)");
					sides.put(cell, agency.side());
					int size = LARGE_GRASSROOTS_CELL.equals(cellName) ? 34 : 10 + this.random.nextInt(16);
					this.cells.add(new Cell(cell, cellName, cell, cellName, province, OrganizationType.CHI_BO_CO_SO,
							size, special(cellName)));
				}
			}
			return bloc;
		}

		private List<String> pickCells() {
			List<String> pool = new ArrayList<>(SampleAgencies.CELL_POOL);
			int count = 3 + this.random.nextInt(6);
			List<String> picked = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				picked.add(pool.remove(this.random.nextInt(pool.size())));
			}
			return picked;
		}

		private int cellSize(String name, String province) {
			if (SMALL_CELL.equals(name)) {
				return 2;
			}
			if (SHRINKING_CELL.equals(name)) {
				return 3;
			}
			return (QT.equals(province) ? 10 : 8) + this.random.nextInt(22);
		}

		private boolean special(String name) {
			return SMALL_CELL.equals(name) || SHRINKING_CELL.equals(name) || LARGE_GRASSROOTS_CELL.equals(name);
		}

		private long create(OrganizationType type, String name, Long parent, String agency, String decisionRef) {
			return SampleCommittee.this.organizations.create(this.system,
					new NewOrganization(type, name, parent, agency), START, decisionRef);
		}

		private void registerAll() {
			int total = this.cells.stream().mapToInt(Cell::size).sum();
			int done = 0;
			for (int c = 0; c < this.cells.size(); c++) {
				Cell cell = this.cells.get(c);
				boolean special = cell.special();
				for (int i = 0; i < cell.size(); i++) {
					SampleNames.Person person = this.names.next();
					register(c, person.fullName(), person.sex(), special);
					done++;
				}
				if (cell.name().equals(VINH.cellName()) && cell.grassroots().equals(VINH.grassrootsName())
						&& QB.equals(cell.province())) {
					registerNamed(c, VINH.fullName(), Sex.NAM, LocalDate.of(1985, 4, 12), LocalDate.of(2009, 5, 19));
				}
				if (cell.name().equals(THUY_OLD_SPELLING.cellName())
						&& cell.grassroots().equals(THUY_OLD_SPELLING.grassrootsName()) && QB.equals(cell.province())) {
					registerNamed(c, THUY_OLD_SPELLING.fullName(), Sex.NU, LocalDate.of(1972, 8, 3),
							LocalDate.of(1998, 2, 3));
				}
				if (cell.name().equals(THUY_NEW_SPELLING.cellName()) && QB.equals(cell.province())) {
					registerNamed(c, THUY_NEW_SPELLING.fullName(), Sex.NU, LocalDate.of(1979, 11, 20),
							LocalDate.of(2011, 9, 2));
				}
				report(10 + 72 * done / total);
			}
		}

		/**
		 * Registers an invented member: born 1952–1996, admitted at 18–45 (mostly in the
		 * twenties and thirties), placed in the cell from 2007 or from admission.
		 */
		private void register(int cellIndex, String fullName, Sex sex, boolean special) {
			LocalDate dob;
			LocalDate decision;
			do {
				dob = LocalDate.of(1952 + this.random.nextInt(45), 1, 1).plusDays(this.random.nextInt(365));
				int age = 20 + this.random.nextInt(19);
				int roll = this.random.nextInt(100);
				if (roll < 3) {
					age = 18 + this.random.nextInt(2);
				}
				else if (roll < 6) {
					age = 39 + this.random.nextInt(7);
				}
				decision = dob.plusYears(age).plusDays(this.random.nextInt(365));
			}
			while (decision.isAfter(LAST_ADMISSION) || (special && decision.isAfter(LocalDate.of(2005, 6, 30))));
			registerAt(cellIndex, fullName, sex, dob, decision);
		}

		private void registerNamed(int cellIndex, String fullName, Sex sex, LocalDate dob, LocalDate decision) {
			registerAt(cellIndex, fullName, sex, dob, decision);
		}

		private void registerAt(int cellIndex, String fullName, Sex sex, LocalDate dob, LocalDate decision) {
			Cell cell = this.cells.get(cellIndex);
			LocalDate ceremony = decision.plusDays(5 + this.random.nextInt(35));
			LocalDate full = ceremony.plusMonths(12);
			LocalDate placedOn = decision.isBefore(START) ? START : decision;
			Place birth = place(cell.province());
			Place home = this.random.nextInt(100) < 70 ? birth : place(cell.province());
			MemberRecord record = new MemberRecord(fullName, null, sex, dob, birth.district(), birth.province(),
					home.district(), home.province(), ethnicity(), religion(), citizenId(cell.province(), sex, dob),
					null, education(), politicalTheory(), decision, ceremony, full, card(),
					lifeHistoryNumber(cell.province()));
			long id = SampleCommittee.this.members.register(this.system, record, cell.id(), placedOn);
			this.registered.add(new Registered(id, cellIndex, placedOn, full, dob));
		}

		/**
		 * Transfers, exemptions, removals and deaths, each on members not touched
		 * otherwise and never in the cells kept broken on purpose (except the one death
		 * that breaks {@link #SHRINKING_CELL}).
		 */
		private void changes() {
			List<Registered> candidates = new ArrayList<>();
			for (Registered r : this.registered) {
				if (!this.cells.get(r.cell()).special()) {
					candidates.add(r);
				}
			}
			java.util.Collections.shuffle(candidates, this.random);
			int next = 0;
			List<Integer> targets = new ArrayList<>();
			for (int c = 0; c < this.cells.size(); c++) {
				Cell cell = this.cells.get(c);
				if (!cell.special() && cell.type() == OrganizationType.CHI_BO_TRUC_THUOC) {
					targets.add(c);
				}
			}
			for (int i = 0; i < 40; i++) {
				Registered r = candidates.get(next++);
				String province = this.cells.get(r.cell()).province();
				int target;
				do {
					target = targets.get(this.random.nextInt(targets.size()));
				}
				while (target == r.cell() || !this.cells.get(target).province().equals(province));
				LocalDate date = between(later(r.placedOn(), START).plusDays(1), LAST_CHANGE);
				SampleCommittee.this.members.transfer(this.system, r.id(), this.cells.get(target).id(), date,
						"Giấy giới thiệu sinh hoạt đảng số " + (100 + i) + " (mẫu)");
			}
			int exempt = 0;
			for (; next < candidates.size() && exempt < 80; next++) {
				Registered r = candidates.get(next);
				if (r.dateOfBirth().getYear() <= 1962 && r.fullOn().isBefore(LocalDate.of(2016, 1, 1))) {
					LocalDate date = between(LocalDate.of(2016, 1, 1), LAST_CHANGE);
					SampleCommittee.this.members.changeStatus(this.system, r.id(), MemberStatus.EXEMPT, date,
							"Tuổi cao, sức yếu", "Nghị quyết của chi bộ (mẫu)");
					exempt++;
				}
			}
			for (int i = 0; i < 25; i++) {
				Registered r = candidates.get(next++);
				LocalDate date = between(r.fullOn().plusDays(30), LAST_CHANGE);
				SampleCommittee.this.members.changeStatus(this.system, r.id(), MemberStatus.DECEASED, date, "Từ trần",
						null);
			}
			for (int i = 0; i < 8; i++) {
				Registered r = candidates.get(next++);
				LocalDate date = between(r.fullOn().plusDays(30), LAST_CHANGE);
				SampleCommittee.this.members.changeStatus(this.system, r.id(), MemberStatus.REMOVED, date,
						"Bỏ sinh hoạt đảng 3 tháng không có lý do", "Quyết định xoá tên (mẫu)");
			}
			for (Registered r : this.registered) {
				if (SHRINKING_CELL.equals(this.cells.get(r.cell()).name())) {
					SampleCommittee.this.members.changeStatus(this.system, r.id(), MemberStatus.DECEASED,
							LocalDate.of(2019, 5, 10), "Từ trần", null);
					break;
				}
			}
		}

		private List<Long> split(long bloc, Map<Long, SampleAgencies.Side> sides, String decisionRef) {
			Map<Long, Integer> childToPart = new HashMap<>();
			sides.forEach((id, side) -> childToPart.put(id, side == SampleAgencies.Side.PARTY ? 0 : 1));
			return SampleCommittee.this.organizations.split(this.system, bloc,
					List.of(new NewOrganization(OrganizationType.DANG_BO_CAP_TREN_CO_SO, PARTY_AGENCIES, null,
							"Các cơ quan Đảng tỉnh"),
							new NewOrganization(OrganizationType.DANG_BO_CAP_TREN_CO_SO, PEOPLES_COMMITTEE, null,
									"Uỷ ban nhân dân tỉnh")),
					childToPart, null, SPLIT_DATE, decisionRef);
		}

		private void accounts(long partyAgencies, long bithuOrganization) {
			String actor = this.system.username();
			Users users = SampleCommittee.this.users;
			users.create("admin", PASSWORD, "Quản trị hệ thống (mẫu)", "NONE",
					List.of(new Users.Grant(Role.ADMINISTRATOR, null, START, null)), actor);
			users.create("vanphong", PASSWORD, "Lê Thị Minh Hoà", "NONE",
					List.of(new Users.Grant(Role.OFFICE, partyAgencies, START, null)), actor);
			users.create("bantochuc", PASSWORD, "Phan Văn Thắng", "NONE",
					List.of(new Users.Grant(Role.ORGANIZATION_BOARD, partyAgencies, START, null)), actor);
			users.create("ubkt", PASSWORD, "Hồ Thị Thanh Tâm", "NONE",
					List.of(new Users.Grant(Role.INSPECTION, partyAgencies, START, null)), actor);
			users.create("lanhdao", PASSWORD, "Đặng Quốc Hưng", "NONE",
					List.of(new Users.Grant(Role.LEADER, partyAgencies, START, null)), actor);
			users.create("bithu", PASSWORD, "Võ Thị Thu Hằng", "NONE",
					List.of(new Users.Grant(Role.SECRETARY, bithuOrganization, START, null)), actor);
		}

		private long grassrootsId(String name, String province) {
			for (Cell cell : this.cells) {
				if (cell.grassroots().equals(name) && cell.province().equals(province)) {
					return cell.grassrootsId();
				}
			}
			throw new IllegalStateException("no sample organization " + name);
		}

		private LocalDate between(LocalDate from, LocalDate to) {
			if (!from.isBefore(to)) {
				return to;
			}
			long days = to.toEpochDay() - from.toEpochDay();
			return from.plusDays((long) (this.random.nextDouble() * days));
		}

		private LocalDate later(LocalDate a, LocalDate b) {
			return a.isAfter(b) ? a : b;
		}

		private Place place(String province) {
			int roll = this.random.nextInt(100);
			if (roll < 78) {
				List<String> districts = QB.equals(province) ? QB_DISTRICTS : QT_DISTRICTS;
				return new Place(pick(districts), QB.equals(province) ? "Quảng Bình" : "Quảng Trị");
			}
			if (roll < 86) {
				return new Place(pick(QB.equals(province) ? QT_DISTRICTS : QB_DISTRICTS),
						QB.equals(province) ? "Quảng Trị" : "Quảng Bình");
			}
			Place other = OTHER_PLACES.get(this.random.nextInt(OTHER_PLACES.size()));
			return other;
		}

		private String ethnicity() {
			int roll = this.random.nextInt(1000);
			if (roll < 955) {
				return "01";
			}
			return MINORITIES.get(roll % MINORITIES.size());
		}

		private String religion() {
			int roll = this.random.nextInt(100);
			return (roll < 3) ? "02" : (roll < 5) ? "01" : null;
		}

		private String education() {
			int roll = this.random.nextInt(100);
			return (roll < 55) ? "Đại học"
					: (roll < 77) ? "Thạc sĩ" : (roll < 82) ? "Tiến sĩ" : (roll < 93) ? "Cao đẳng" : "Trung cấp";
		}

		private PoliticalTheory politicalTheory() {
			int roll = this.random.nextInt(100);
			return (roll < 40) ? PoliticalTheory.SO_CAP : (roll < 80) ? PoliticalTheory.TRUNG_CAP
					: (roll < 95) ? PoliticalTheory.CAO_CAP : PoliticalTheory.CU_NHAN;
		}

		/**
		 * 12 digits: province of registration, sex and century, year of birth, serial.
		 */
		private String citizenId(String province, Sex sex, LocalDate dob) {
			String prefix = (QB.equals(province) ? "044" : "045")
					+ ((dob.getYear() >= 2000 ? 2 : 0) + (sex == Sex.NU ? 1 : 0))
					+ String.format("%02d", dob.getYear() % 100);
			while (true) {
				String id = prefix + String.format("%06d", this.random.nextInt(1_000_000));
				if (this.citizenIds.add(id)) {
					return id;
				}
			}
		}

		private String card() {
			while (true) {
				String card = String.format("%08d", 10_000_000 + this.random.nextInt(60_000_000));
				if (this.cards.add(card)) {
					return card;
				}
			}
		}

		private String lifeHistoryNumber(String province) {
			this.lifeHistory += 1 + this.random.nextInt(7);
			return String.format("%06d", this.lifeHistory) + province;
		}

		private String pick(List<String> values) {
			return values.get(this.random.nextInt(values.size()));
		}

		private void report(int percent) {
			if (percent != this.lastPercent) {
				this.lastPercent = percent;
				this.progress.accept(percent);
			}
		}

	}

	/** A place of birth or home town: district and province as named before 2025. */
	private record Place(String district, String province) {
	}

	private static final List<String> QB_DISTRICTS = List.of("thành phố Đồng Hới", "huyện Lệ Thủy", "huyện Quảng Ninh",
			"huyện Bố Trạch", "huyện Quảng Trạch", "thị xã Ba Đồn", "huyện Tuyên Hoá", "huyện Minh Hoá");

	private static final List<String> QT_DISTRICTS = List.of("thành phố Đông Hà", "thị xã Quảng Trị", "huyện Vĩnh Linh",
			"huyện Gio Linh", "huyện Cam Lộ", "huyện Triệu Phong", "huyện Hải Lăng", "huyện Hướng Hoá",
			"huyện Đakrông");

	private static final List<Place> OTHER_PLACES = List.of(new Place("huyện Kỳ Anh", "Hà Tĩnh"),
			new Place("huyện Hương Khê", "Hà Tĩnh"), new Place("huyện Diễn Châu", "Nghệ An"),
			new Place("huyện Quỳnh Lưu", "Nghệ An"), new Place("huyện Hoằng Hóa", "Thanh Hóa"),
			new Place("huyện Vũ Thư", "Thái Bình"), new Place("huyện Hải Hậu", "Nam Định"));

	/** Bru-Vân Kiều, Chứt, Tày, Thái, Mường, Hoa. */
	private static final List<String> MINORITIES = List.of("24", "44", "02", "03", "04", "06");

}
