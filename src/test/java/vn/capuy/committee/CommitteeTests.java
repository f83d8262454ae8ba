package vn.capuy.committee;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTest
class CommitteeTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	/** After QĐ 294 (2025-07-01): the cell-committee rules of V2 and V9 are in force. */
	static final LocalDate CONGRESS = LocalDate.of(2025, 9, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Committees committees;

	@Autowired
	Assignments assignments;

	@Autowired
	Regulations regulations;

	@Autowired
	CommitteeWarnings warnings;

	@Autowired
	LeadershipCoverage coverage;

	@Autowired
	CommitteePositionGrants grants;

	@Autowired
	Members members;

	@Autowired
	Users users;

	@Autowired
	Today today;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.capuy.system.Messages messages;

	@Autowired
	vn.capuy.rulebook.RuleBook rules;

	CurrentUser system = CurrentUser.system();

	long root;

	long bloc;

	long committee;

	long cell;

	long otherCell;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử cấp uỷ", START);
		this.bloc = this.fixtures.child(this.root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ Khối thử", START);
		this.committee = this.fixtures.child(this.bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Thử", START);
		this.cell = this.fixtures.child(this.committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Một", START);
		this.otherCell = this.fixtures.child(this.committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Hai",
				START);
	}

	private long term(long org, LocalDate congress) {
		return this.committees.openTerm(this.system, org,
				new Committees.NewTerm(1, "2025–2030", congress, null, "CONGRESS", "Nghị quyết thử"));
	}

	private long position(long org, Position position, long member, LocalDate from) {
		return this.committees.recordPosition(this.system, org,
				new Committees.NewPosition(position, member, from, null, FilledBy.ELECTED, "Biên bản thử"));
	}

	/** A name part from a number, since names hold letters only. */
	private static String letters(int i) {
		return List
			.of("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam", "Oanh", "Phúc", "Quang",
					"Sơn")
			.get(i);
	}

	/** A message as a Vietnamese user reads it. */
	private static String vietnamese(java.util.function.Supplier<String> message) {
		java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("vi"));
		try {
			return message.get();
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
		}
	}

	private List<String> warningKeys(long org, LocalDate date) {
		return this.warnings.of(this.system, org, date).stream().map(CommitteeWarnings.Warning::messageKey).toList();
	}

	@Test
	void aPositionCannotOverlapItself() {
		term(this.cell, CONGRESS);
		long a = this.fixtures.member(this.cell, "Nguyễn Văn An", START);
		long b = this.fixtures.member(this.cell, "Trần Thị Bình", START);
		long secretary = position(this.cell, Position.SECRETARY, a, CONGRESS);
		// a second secretary at the same time
		assertThatThrownBy(() -> position(this.cell, Position.SECRETARY, b, CONGRESS.plusMonths(3)))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("committee.error.position.seat-taken");
		// the same member twice in the same position
		position(this.cell, Position.DEPUTY_SECRETARY, b, CONGRESS);
		assertThatThrownBy(() -> position(this.cell, Position.DEPUTY_SECRETARY, b, CONGRESS.plusDays(10)))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("committee.error.position.overlap");
		// the database refuses it too, whoever writes
		long termId = this.committees.termOn(this.cell, CONGRESS).orElseThrow().id();
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO committee_position (term_id, organization_id, position, member_id, member_name, valid_from,
				  filled_by, recorded_by)
				VALUES (:t, :o, 'SECRETARY', :m, 'x', :d, 'ELECTED', 'test')
				""").param("t", termId).param("o", this.cell).param("m", b).param("d", CONGRESS.plusDays(5)).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(this.committees.committee(this.system, this.cell, CONGRESS.plusDays(5)).positions())
			.extracting(HeldPosition::memberId)
			.containsExactlyInAnyOrder(a, b);
		// once the first secretary's position ends, the second may take the seat that day
		this.committees.closePosition(this.system, secretary, CONGRESS.plusMonths(6), "Chuyển công tác");
		position(this.cell, Position.SECRETARY, b, CONGRESS.plusMonths(6));
		assertThat(this.committees.committee(this.system, this.cell, CONGRESS.plusMonths(6)).secretary())
			.hasValueSatisfying((p) -> assertThat(p.memberId()).isEqualTo(b));
		assertThat(this.committees.committee(this.system, this.cell, CONGRESS.plusMonths(6).minusDays(1)).secretary())
			.hasValueSatisfying((p) -> assertThat(p.memberId()).isEqualTo(a));
	}

	@Test
	void theMemberMustBeInScopeAndInThePartyOnTheDate() {
		term(this.cell, CONGRESS);
		long elsewhereRoot = this.fixtures.root("Tỉnh khác", START);
		long elsewhereCell = this.fixtures.child(
				this.fixtures.child(elsewhereRoot, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối khác", START),
				OrganizationType.CHI_BO_CO_SO, "Chi bộ khác", START);
		long stranger = this.fixtures.member(elsewhereCell, "Lê Văn Khác", START);
		long secretaryUser = this.fixtures.user("bt", Role.SECRETARY, this.committee);
		CurrentUser secretary = this.fixtures.as(secretaryUser);
		assertThatThrownBy(() -> this.committees.recordPosition(secretary, this.cell,
				new Committees.NewPosition(Position.SECRETARY, stranger, CONGRESS, null, FilledBy.ELECTED, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("memberId");
				assertThat(ex.messageKey()).isEqualTo("committee.error.member.out-of-scope");
			});
		long dead = this.fixtures.member(this.cell, "Phạm Văn Mất", START);
		this.members.changeStatus(this.system, dead, MemberStatus.DECEASED, CONGRESS.minusDays(1), "Từ trần", null);
		assertThatThrownBy(() -> position(this.cell, Position.SECRETARY, dead, CONGRESS)).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("committee.error.member.not-in-party"));
		assertThat(this.committees.committee(this.system, this.cell, CONGRESS).positions()).isEmpty();
	}

	@Test
	void cellsHaveNoInspectionCommitteeAndPositionsNeedATerm() {
		long member = this.fixtures.member(this.cell, "Hoàng Văn Kiểm", START);
		assertThatThrownBy(() -> position(this.cell, Position.SECRETARY, member, CONGRESS))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("committee.error.position.no-term");
		term(this.cell, CONGRESS);
		assertThatThrownBy(() -> position(this.cell, Position.INSPECTION_CHAIR, member, CONGRESS))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.field()).isEqualTo("position"));
		term(this.committee, CONGRESS);
		position(this.committee, Position.INSPECTION_CHAIR, member, CONGRESS);
		assertThat(this.committees.committee(this.system, this.committee, CONGRESS).positions())
			.extracting(HeldPosition::position)
			.containsExactly(Position.INSPECTION_CHAIR);
	}

	@ParameterizedTest(name = "{0} full and {1} probationary members, cell committee {2}: warned {3}")
	@CsvSource({ "8, 0, false, false", "9, 0, false, true", "8, 3, false, false", "9, 0, true, false",
			"12, 0, false, true" })
	void aCellWithEnoughFullMembersAndNoCellCommitteeIsWarned(int full, int probationary, boolean withCommittee,
			boolean warned) {
		term(this.cell, CONGRESS);
		long first = 0;
		long second = 0;
		for (int i = 0; i < full; i++) {
			long id = this.fixtures.member(this.cell, "Đảng viên Chính Thức " + letters(i), START);
			if (i == 0) {
				first = id;
			}
			if (i == 1) {
				second = id;
			}
		}
		for (int i = 0; i < probationary; i++) {
			this.fixtures.probationaryMember(this.cell, "Đảng viên Dự Bị " + letters(i), CONGRESS.minusMonths(2));
		}
		position(this.cell, Position.SECRETARY, first, CONGRESS);
		if (withCommittee) {
			position(this.cell, Position.COMMITTEE_MEMBER, second, CONGRESS);
		}
		List<String> keys = warningKeys(this.cell, CONGRESS.plusDays(1));
		if (warned) {
			assertThat(keys).containsOnlyOnce(CommitteeWarnings.CELL_COMMITTEE_MISSING);
		}
		else {
			assertThat(keys).doesNotContain(CommitteeWarnings.CELL_COMMITTEE_MISSING);
		}
		assertThat(keys).doesNotContain(CommitteeWarnings.NO_SECRETARY);
	}

	@ParameterizedTest(name = "cell committee of {0}: warned {1}")
	@CsvSource({ "7, false", "8, true" })
	void aCellCommitteeLargerThanTheRuleIsWarned(int size, boolean warned) {
		term(this.cell, CONGRESS);
		for (int i = 0; i < size; i++) {
			long id = this.fixtures.member(this.cell, "Chi uỷ viên " + letters(i), START);
			position(this.cell,
					i == 0 ? Position.SECRETARY : (i == 1 ? Position.DEPUTY_SECRETARY : Position.COMMITTEE_MEMBER), id,
					CONGRESS);
		}
		List<CommitteeWarnings.Warning> found = this.warnings.of(this.system, this.cell, CONGRESS)
			.stream()
			.filter((w) -> w.messageKey().equals(CommitteeWarnings.CELL_COMMITTEE_TOO_LARGE))
			.toList();
		assertThat(found).hasSize(warned ? 1 : 0);
		if (warned) {
			assertThat(found.get(0).sourceDocument()).contains("294-QĐ/TW");
			assertThat(found.get(0).arguments()).containsExactly(8, 7);
		}
	}

	@Test
	void noSecretaryAndATermEndedWithoutACongressAreWarned() {
		LocalDate congress = LocalDate.of(2020, 5, 10);
		this.committees.openTerm(this.system, this.committee,
				new Committees.NewTerm(5, "2020–2025", congress, null, "CONGRESS", null));
		// the rule book's 60 months
		LocalDate plannedEnd = this.committees.termOn(this.committee, congress).orElseThrow().plannedEnd();
		assertThat(plannedEnd).isEqualTo(congress.plusMonths(60));
		assertThat(warningKeys(this.committee, plannedEnd)).contains(CommitteeWarnings.NO_SECRETARY)
			.doesNotContain(CommitteeWarnings.TERM_ENDED);
		assertThat(warningKeys(this.committee, plannedEnd.plusDays(1))).contains(CommitteeWarnings.TERM_ENDED);
		long member = this.fixtures.member(this.cell, "Võ Văn Bí", START);
		position(this.committee, Position.SECRETARY, member, congress);
		assertThat(warningKeys(this.committee, congress.plusDays(1))).doesNotContain(CommitteeWarnings.NO_SECRETARY);
		// the next congress closes the term: no warning after it
		LocalDate next = plannedEnd.plusMonths(2);
		this.committees.openTerm(this.system, this.committee,
				new Committees.NewTerm(6, "2025–2030", next, null, "CONGRESS", null));
		assertThat(warningKeys(this.committee, next)).doesNotContain(CommitteeWarnings.TERM_ENDED)
			.contains(CommitteeWarnings.NO_SECRETARY);
		assertThat(this.committees.committee(this.system, this.committee, next).positions()).isEmpty();
	}

	@Test
	void aNewTermWithoutWorkingRegulationAfterTheRuleDaysIsWarnedAndAnOldRegulationTooUntilReviewed() {
		term(this.committee, CONGRESS);
		LocalDate due = CONGRESS.plusDays(90);
		assertThat(warningKeys(this.committee, due)).doesNotContain(CommitteeWarnings.REGULATION_MISSING);
		assertThat(warningKeys(this.committee, due.plusDays(1))).containsOnlyOnce(CommitteeWarnings.REGULATION_MISSING);
		LocalDate adopted = due.plusDays(10);
		long id = this.regulations.adopt(this.system, this.committee, new Regulations.NewRegulation(
				Regulations.Kind.WORKING, null, null, "01-QC/ĐU", "Quy chế làm việc", adopted, null, null, null));
		assertThat(warningKeys(this.committee, adopted)).doesNotContain(CommitteeWarnings.REGULATION_MISSING);
		LocalDate old = adopted.plusMonths(24);
		assertThat(warningKeys(this.committee, old)).doesNotContain(CommitteeWarnings.REGULATION_OLD);
		assertThat(warningKeys(this.committee, old.plusDays(1))).containsOnlyOnce(CommitteeWarnings.REGULATION_OLD);
		this.regulations.review(this.system, id, old, "Giữ nguyên");
		assertThat(warningKeys(this.committee, old.plusDays(1))).doesNotContain(CommitteeWarnings.REGULATION_OLD);
		// an amendment in the same term is version 2 of it
		long amended = this.regulations.adopt(this.system, this.committee,
				new Regulations.NewRegulation(Regulations.Kind.WORKING, null, null, "05-QC/ĐU", "Quy chế sửa đổi",
						old.plusDays(5), null, null, null));
		Regulations.Regulation v2 = this.regulations.get(this.system, amended);
		assertThat(v2.versionNo()).isEqualTo(2);
		assertThat(v2.amendsId()).isEqualTo(id);
		assertThat(this.regulations.get(this.system, id).validTo()).isEqualTo(old.plusDays(5));
	}

	@Test
	void accountsFollowPositionsFromTheCongressDayAndLoseThemTheDayThePositionEnds() {
		LocalDate day = this.today.date();
		LocalDate earlier = day.minusYears(2);
		term(this.cell, earlier);
		long predecessor = this.fixtures.member(this.cell, "Đinh Văn Cũ", START);
		long successor = this.fixtures.member(this.cell, "Đinh Thị Mới", START);
		long previous = position(this.cell, Position.SECRETARY, predecessor, earlier);
		long unrelated = this.fixtures.root("Tỉnh không liên quan", START);
		long oldUser = this.fixtures.user("cu", Role.CLERK, unrelated);
		long newUser = this.fixtures.user("moi", Role.CLERK, unrelated);
		this.users.linkMember(this.fixtures.username(oldUser), predecessor, "test");
		this.users.linkMember(this.fixtures.username(newUser), successor, "test");
		assertThat(this.fixtures.as(oldUser).scopeRoots()).contains(this.cell);
		assertThat(this.fixtures.as(newUser).scopeRoots()).doesNotContain(this.cell);
		// the congress today: the old secretary's position ends today, the new one begins
		this.committees.closePosition(this.system, previous, day, "Hết nhiệm kỳ");
		position(this.cell, Position.SECRETARY, successor, day);
		assertThat(this.fixtures.as(newUser).scopeRoots()).contains(this.cell);
		assertThat(this.fixtures.as(newUser).roles()).contains(Role.SECRETARY);
		assertThat(this.fixtures.as(oldUser).scopeRoots()).doesNotContain(this.cell);
		assertThat(this.fixtures.as(oldUser).roles()).doesNotContain(Role.SECRETARY);
		assertThat(this.grants.grantsFor(predecessor, day.minusDays(1)))
			.containsExactly(new Users.Grant(Role.SECRETARY, this.cell, earlier, day));
		assertThat(this.grants.grantsFor(successor, day.minusDays(1))).isEmpty();
		// a standing member of the bloc leads it; an inspection committee member inspects
		term(this.bloc, earlier);
		long leader = this.fixtures.member(this.otherCell, "Lâm Văn Thường", START);
		position(this.bloc, Position.STANDING_MEMBER, leader, earlier);
		position(this.bloc, Position.INSPECTION_MEMBER, leader, earlier);
		assertThat(this.grants.grantsFor(leader, day)).extracting(Users.Grant::role)
			.containsExactlyInAnyOrder(Role.LEADER, Role.INSPECTION);
		// a standing member of a grassroots committee gets nothing from it
		assertThat(CommitteePositionGrants.rolesOf(Position.COMMITTEE_MEMBER, OrganizationType.DANG_BO_CO_SO))
			.isEmpty();
	}

	@Test
	void aCellHasOneDeputySecretaryAtATimeAndTheRefusalNamesTheRule() {
		term(this.cell, CONGRESS);
		long first = this.fixtures.member(this.cell, "Phó Văn Một", START);
		long second = this.fixtures.member(this.cell, "Phó Văn Hai", START);
		long deputy = position(this.cell, Position.DEPUTY_SECRETARY, first, CONGRESS);
		assertThatThrownBy(() -> position(this.cell, Position.DEPUTY_SECRETARY, second, CONGRESS.plusMonths(3)))
			.isInstanceOfSatisfying(RuleViolationException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("committee.error.cell.deputy-limit");
				assertThat(vietnamese(() -> this.messages.describe(ex))).contains("Chi bộ chỉ có 1 phó bí thư cùng lúc")
					.contains("Quy định 294-QĐ/TW ngày 26/5/2025")
					.contains("Phó Văn Một");
			});
		// the first deputy leaves on the end date (exclusive): the day before is refused,
		// the day itself accepted
		LocalDate end = CONGRESS.plusMonths(6);
		this.committees.closePosition(this.system, deputy, end, "Chuyển công tác");
		assertThatThrownBy(() -> position(this.cell, Position.DEPUTY_SECRETARY, second, end.minusDays(1)))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("committee.error.cell.deputy-limit");
		position(this.cell, Position.DEPUTY_SECRETARY, second, end);
		assertThat(this.committees.committee(this.system, this.cell, end).positions())
			.extracting(HeldPosition::memberId)
			.containsExactly(second);
		// a congress electing two deputies for a cell is refused as a whole, nothing
		// saved
		long third = this.fixtures.member(this.otherCell, "Phó Văn Ba", START);
		long fourth = this.fixtures.member(this.otherCell, "Phó Văn Bốn", START);
		assertThatThrownBy(() -> this.committees.recordCongress(this.system, this.otherCell,
				new Committees.NewTerm(1, "2025–2030", CONGRESS, null, "CONGRESS", null), FilledBy.ELECTED, null,
				List.of(new Committees.Seat(Position.DEPUTY_SECRETARY, third),
						new Committees.Seat(Position.DEPUTY_SECRETARY, fourth))))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("committee.error.cell.deputy-limit.seats");
		assertThat(this.committees.termOn(this.otherCell, CONGRESS)).isEmpty();
		// a grassroots committee may have several deputies
		term(this.committee, CONGRESS);
		position(this.committee, Position.DEPUTY_SECRETARY, third, CONGRESS);
		position(this.committee, Position.DEPUTY_SECRETARY, fourth, CONGRESS);
		assertThat(this.committees.committee(this.system, this.committee, CONGRESS).positions()).hasSize(2);
		// the limit comes from the rule book, with its source
		assertThat(this.rules.inForce(Committees.DEPUTY_LIMIT, CONGRESS))
			.hasValueSatisfying((r) -> assertThat(r.sourceDocument()).contains("294-QĐ/TW"));
	}

	@Test
	void aCommitteeMemberMustBelongToTheOrganisationsOwnSubtree() {
		term(this.cell, CONGRESS);
		term(this.committee, CONGRESS);
		long own = this.fixtures.member(this.cell, "Đặng Văn Nhà", START);
		long sibling = this.fixtures.member(this.otherCell, "Đặng Văn Bên", START);
		// in the caller's scope and in the Party, but in the sibling cell: refused
		CurrentUser office = this.fixtures.as(this.fixtures.user("cay", Role.OFFICE, this.root));
		assertThatThrownBy(() -> this.committees.recordPosition(office, this.cell,
				new Committees.NewPosition(Position.SECRETARY, sibling, CONGRESS, null, FilledBy.ELECTED, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("memberId");
				assertThat(ex.messageKey()).isEqualTo("committee.error.member.outside-organization");
				assertThat(vietnamese(() -> this.messages.describe(ex))).contains("Đặng Văn Bên")
					.contains("Chi bộ Phòng Hai")
					.contains("không thuộc “Chi bộ Phòng Một”");
			});
		// a congress with one seat from outside is refused as a whole, nothing saved
		LocalDate next = CONGRESS.plusYears(1);
		assertThatThrownBy(() -> this.committees.recordCongress(office, this.cell,
				new Committees.NewTerm(2, "2026–2031", next, null, "CONGRESS", null), FilledBy.ELECTED, null,
				List.of(new Committees.Seat(Position.SECRETARY, own),
						new Committees.Seat(Position.COMMITTEE_MEMBER, sibling))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("committee.error.member.outside-organization"));
		assertThat(this.committees.termOn(this.cell, next).orElseThrow().congressDate()).isEqualTo(CONGRESS);
		// both cells lie under the grassroots committee: both may sit on it
		this.committees.recordPosition(office, this.committee,
				new Committees.NewPosition(Position.SECRETARY, own, CONGRESS, null, FilledBy.ELECTED, null));
		this.committees.recordPosition(office, this.committee,
				new Committees.NewPosition(Position.COMMITTEE_MEMBER, sibling, CONGRESS, null, FilledBy.ELECTED, null));
		// a member who moved into the cell later is outside it before the move
		long mover = this.fixtures.member(this.otherCell, "Đặng Văn Chuyển", START);
		this.members.transfer(this.system, mover, this.cell, CONGRESS.plusMonths(2), "QĐ chuyển thử");
		assertThatThrownBy(
				() -> position(this.cell, Position.COMMITTEE_MEMBER, mover, CONGRESS.plusMonths(2).minusDays(1)))
			.isInstanceOf(InvalidInputException.class);
		position(this.cell, Position.COMMITTEE_MEMBER, mover, CONGRESS.plusMonths(2));
	}

	@Test
	void theFollowerOfAnOrganisationIsTheSuperiorsCommitteeMemberAndCoverageShowsTheGaps() {
		LocalDate on = CONGRESS.plusDays(20);
		term(this.committee, CONGRESS);
		long a = this.fixtures.member(this.cell, "Nguyễn Văn Phụ", START);
		long b = this.fixtures.member(this.cell, "Nguyễn Văn Trách", START);
		position(this.committee, Position.SECRETARY, a, CONGRESS);
		position(this.committee, Position.COMMITTEE_MEMBER, b, CONGRESS);
		this.assignments.assign(this.system, this.committee,
				new Assignments.NewAssignment(b, null, this.cell, on, "QĐ phân công thử"));
		this.assignments.assign(this.system, this.committee,
				new Assignments.NewAssignment(a, "ORGANIZATION", null, on, "QĐ phân công thử"));
		assertThat(this.assignments.followerOf(this.cell, on))
			.hasValueSatisfying((f) -> assertThat(f.memberId()).isEqualTo(b));
		assertThat(this.assignments.followerOf(this.cell, on.minusDays(1))).isEmpty();
		assertThat(this.assignments.followerOf(this.otherCell, on)).isEmpty();
		// not a committee member, not a subordinate: refused
		long outsider = this.fixtures.member(this.otherCell, "Ngoài Cấp Uỷ", START);
		assertThatThrownBy(() -> this.assignments.assign(this.system, this.committee,
				new Assignments.NewAssignment(outsider, "PROPAGANDA", null, on, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.assignments.assign(this.system, this.committee,
				new Assignments.NewAssignment(a, null, this.bloc, on, null)))
			.isInstanceOf(InvalidInputException.class);
		CurrentUser scoped = this.fixtures.as(this.fixtures.user("pt", Role.OFFICE, this.root));
		Assignments.Coverage coverage = this.assignments.coverage(scoped, on);
		assertThat(coverage.unfollowed()).extracting((o) -> o.id())
			.contains(this.otherCell, this.committee)
			.doesNotContain(this.cell);
		assertThat(coverage.missingFields()).filteredOn((m) -> m.organizationId() == this.committee)
			.extracting(Assignments.MissingField::fieldCode)
			.doesNotContain("ORGANIZATION")
			.contains("INSPECTION", "PROPAGANDA");
	}

	@Test
	void coverageFiguresEqualAnIndependentSqlCount() {
		LocalDate on = CONGRESS.plusDays(40);
		term(this.bloc, CONGRESS.minusYears(5));
		this.regulations.adopt(this.system, this.bloc, new Regulations.NewRegulation(Regulations.Kind.WORKING, null,
				null, "01-QC/ĐU", "Quy chế cũ", CONGRESS.minusDays(30), null, null, null));
		for (long org : List.of(this.bloc, this.committee, this.cell, this.otherCell)) {
			term(org, CONGRESS);
		}
		long a = this.fixtures.member(this.cell, "Cao Văn Một", START);
		long b = this.fixtures.member(this.otherCell, "Cao Văn Hai", START);
		position(this.committee, Position.SECRETARY, a, CONGRESS);
		position(this.committee, Position.COMMITTEE_MEMBER, b, CONGRESS);
		position(this.bloc, Position.SECRETARY, b, CONGRESS);
		this.assignments.assign(this.system, this.committee,
				new Assignments.NewAssignment(a, null, this.cell, CONGRESS.plusDays(5), null));
		this.assignments.assign(this.system, this.bloc,
				new Assignments.NewAssignment(b, null, this.committee, CONGRESS.plusDays(5), null));
		this.regulations.adopt(this.system, this.committee, new Regulations.NewRegulation(Regulations.Kind.WORKING,
				null, null, "01-QC/ĐU", "Quy chế", CONGRESS.plusDays(30), null, null, null));
		this.regulations.adopt(this.system, this.committee,
				new Regulations.NewRegulation(Regulations.Kind.COORDINATION, Regulations.Counterpart.AGENCY_HEAD,
						"Giám đốc Sở", "02-QC/ĐU", "Quy chế phối hợp", CONGRESS.plusDays(31), null, null, null));
		this.regulations.recordAgencyHead(this.system, this.committee, true, CONGRESS, null);
		CurrentUser scoped = this.fixtures.as(this.fixtures.user("tk", Role.OFFICE, this.root));
		LeadershipCoverage.Report report = this.coverage.report(scoped, on);
		Map<String, Object> params = Map.of("root", this.root, "d", on);
		int working = count("""
				SELECT count(DISTINCT r.organization_id) FROM regulation r
				JOIN committee_term t ON t.organization_id = r.organization_id AND t.congress_date <= :d
				  AND (t.valid_to IS NULL OR t.valid_to > :d) AND r.adopted_on >= t.congress_date
				WHERE r.kind = 'WORKING' AND r.adopted_on <= :d AND (r.valid_to IS NULL OR r.valid_to > :d)
				  AND r.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = :root)
				""", params);
		int followed = count(
				"""
						SELECT count(DISTINCT followed_organization_id) FROM follow_assignment
						WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
						  AND followed_organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = :root)
						""",
				params);
		int coordination = count("""
				SELECT count(DISTINCT organization_id) FROM regulation
				WHERE kind = 'COORDINATION' AND adopted_on <= :d AND (valid_to IS NULL OR valid_to > :d)
				  AND organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = :root)
				""", params);
		int committeeMembers = count("""
				SELECT count(*) FROM (SELECT DISTINCT organization_id, member_id FROM committee_position
				WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				  AND position IN ('SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER', 'COMMITTEE_MEMBER')
				  AND organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = :root)) x
				""", params);
		assertThat(report.totals().withWorkingRegulation()).isEqualTo(working).isEqualTo(1);
		assertThat(report.totals().followed()).isEqualTo(followed).isEqualTo(2);
		assertThat(report.totals().withCoordinationRegulation()).isEqualTo(coordination).isEqualTo(1);
		assertThat(report.totals().committeeMembers()).isEqualTo(committeeMembers).isEqualTo(3);
		assertThat(report.totals().committeeMembersWithAssignments()).isEqualTo(2);
		assertThat(report.totals().secretaryIsAgencyHead()).isEqualTo(1);
		assertThat(report.totals().needingFollower()).isEqualTo(3);
		assertThat(report.totals().organizations()).isEqualTo(4);
		LeadershipCoverage.Row row = report.rows()
			.stream()
			.filter((r) -> r.organizationId() == this.cell)
			.findFirst()
			.orElseThrow();
		assertThat(row.followedBy()).isEqualTo("Cao Văn Một");
		// over HTTP, the same totals
		String name = this.fixtures.username(this.fixtures.user("api", Role.OFFICE, this.root));
		HttpResponse<String> response = new Http(this.port).basic(name, "secret-" + name)
			.get("/api/v1/leadership-coverage?asOf=" + on);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"total\":4")
			.contains("\"withWorkingRegulation\":" + working)
			.contains("\"hasWorkingRegulation\":true")
			.contains("\"followedBy\":\"Cao Văn Một\"");
		// and the review annex counts the same regulations and assignments
		assertThat(this.coverage.regulationsAdopted(scoped.scope(), CONGRESS.minusDays(60), on)).isEqualTo(2);
		assertThat(this.coverage.assignmentsMade(scoped.scope(), CONGRESS, on)).isEqualTo(2);
	}

	private int count(String sql, Map<String, Object> params) {
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	@Test
	void everyPageRendersForTheCallerAndAFormRecordsACongress() {
		term(this.committee, CONGRESS);
		long a = this.fixtures.member(this.cell, "Mai Văn Trang", START);
		position(this.committee, Position.SECRETARY, a, CONGRESS);
		String name = this.fixtures.username(this.fixtures.user("trang", Role.OFFICE, this.root));
		Http http = new Http(this.port);
		http.login(name, "secret-" + name);
		String asOf = "?asOf=" + CONGRESS.plusDays(1);
		for (String page : List.of("/committees" + asOf, "/committees/warnings" + asOf,
				"/committees/assignments" + asOf, "/committees/fields", "/committees/checklists?type=CHI_BO_TRUC_THUOC",
				"/committees/organizations/" + this.committee + "/self-check?year=2025",
				"/committees/not-done?year=2025", "/committees/organizations/" + this.cell + "/follower" + asOf,
				"/mass-organizations" + asOf, "/mass-organizations/candidates?status=PROPOSED")) {
			HttpResponse<String> response = http.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page).doesNotContain("??");
		}
		assertThat(http.get("/committees" + asOf).body()).contains("Đảng bộ Sở Thử").contains("Cấp uỷ và phương thức");
		assertThat(http.get("/committees/warnings" + asOf).body()).contains("Chưa có bí thư");
		// a browser records the cell's congress through the form, with its CSRF token
		Http browser = http;
		String token = browser.csrf("/committees/organizations/" + this.cell + asOf);
		HttpResponse<String> posted = browser.postForm("/committees/organizations/" + this.cell + "/terms", Map
			.of("label", "2025–2027", "congressDate", CONGRESS.toString(), "openedBy", "CONGRESS", "_csrf", token));
		assertThat(posted.statusCode()).isEqualTo(302);
		String done = posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(browser.get(done).body()).contains("Đã ghi nhận nhiệm kỳ mới.");
		assertThat(this.committees.termOn(this.cell, CONGRESS))
			.hasValueSatisfying((t) -> assertThat(t.label()).isEqualTo("2025–2027"));
		// bad input comes back on the page as a message naming the field, nothing saved
		token = browser.csrf("/committees/organizations/" + this.cell + asOf);
		HttpResponse<String> refused = browser.postForm("/committees/organizations/" + this.cell + "/positions",
				Map.of("position", "INSPECTION_CHAIR", "memberId", String.valueOf(a), "validFrom", CONGRESS.toString(),
						"_csrf", token));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Chức vụ: chức vụ này không có ở loại hình tổ chức này");
		assertThat(this.committees.committee(this.system, this.cell, CONGRESS).positions()).isEmpty();
	}

	@Test
	void theCommitteeApiAndPagesAnswerInScopeAnd404Outside() {
		term(this.cell, CONGRESS);
		long a = this.fixtures.member(this.cell, "Kiều Văn Bí", START);
		position(this.cell, Position.SECRETARY, a, CONGRESS);
		String inside = this.fixtures.username(this.fixtures.user("in", Role.OFFICE, this.root));
		Http http = new Http(this.port).basic(inside, "secret-" + inside);
		HttpResponse<String> committee = http
			.get("/api/v1/organizations/" + this.cell + "/committee?asOf=" + CONGRESS.plusDays(1));
		assertThat(committee.statusCode()).isEqualTo(200);
		assertThat(committee.body()).contains("\"memberId\":" + a)
			.contains("\"title\":\"Bí thư\"")
			.contains("\"position\":\"SECRETARY\"");
		assertThat(http.get("/api/v1/members/" + a + "/positions").body()).contains("\"total\":1");
		HttpResponse<String> fragment = http.get("/committees/members/" + a + "/positions");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("Bí thư").contains("Chi bộ Phòng Một");
		assertThat(http.get("/committees/organizations/" + this.cell + "?asOf=" + CONGRESS.plusDays(1)).body())
			.contains("Kiều Văn Bí")
			.doesNotContain("Chưa có bí thư");
		assertThat(http.get("/api/v1/assignments?asOf=" + CONGRESS).statusCode()).isEqualTo(200);
		long otherRoot = this.fixtures.root("Tỉnh ngoài phạm vi", START);
		String outside = this.fixtures.username(this.fixtures.user("out", Role.OFFICE, otherRoot));
		Http stranger = new Http(this.port).basic(outside, "secret-" + outside);
		assertThat(stranger.get("/api/v1/organizations/" + this.cell + "/committee").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/organizations/" + this.cell + "/follower").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/members/" + a + "/positions").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/committees/organizations/" + this.cell).statusCode()).isEqualTo(404);
		CurrentUser strangerUser = this.users.currentUser(outside);
		assertThatThrownBy(() -> this.committees.committee(strangerUser, this.cell, CONGRESS))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.warnings.all(strangerUser, CONGRESS))
			.noneMatch((w) -> w.organizationId() == this.cell || w.organizationId() == this.committee);
		assertThat(stranger.get("/api/v1/leadership-coverage").body()).doesNotContain("Chi bộ Phòng Một");
	}

}
