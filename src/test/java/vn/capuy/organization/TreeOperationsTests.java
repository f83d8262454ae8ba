package vn.capuy.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.MemberFile;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTest
class TreeOperationsTests {

	static final LocalDate START = LocalDate.of(2007, 1, 1);

	static final LocalDate MERGE = LocalDate.of(2025, 7, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	OrganizationTree tree;

	@Autowired
	Members members;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	@Test
	void mergeMovesMembersAndKeepsTheirHistory() {
		long root = this.fixtures.root("Tỉnh thử hợp nhất", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối A", START);
		long a = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Sở A", START);
		long b = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Sở B", START);
		long m1 = this.fixtures.member(a, "Lê Văn Một", START);
		long m2 = this.fixtures.member(b, "Lê Văn Hai", START);

		long merged = this.organizations.merge(this.system, List.of(a, b),
				new Organizations.NewOrganization(OrganizationType.CHI_BO_CO_SO, "Chi bộ Sở AB", bloc, null), MERGE,
				"01-QĐ/ĐU (thử)");

		MemberFile file = this.members.get(this.system, m1);
		assertThat(file.organizationId()).isEqualTo(merged);
		assertThat(file.placements()).extracting(MemberFile.Placement::organizationId).containsExactly(a, merged);
		assertThat(file.placements().get(0).validTo()).isEqualTo(MERGE);
		assertThat(file.placements().get(1).validFrom()).isEqualTo(MERGE);
		assertThat(this.members.get(this.system, m2).organizationId()).isEqualTo(merged);
		// independent count: two members placed in the merged cell from the merge date
		assertThat(this.jdbc.sql("SELECT count(*) FROM membership WHERE organization_id = :o AND valid_to IS NULL")
			.param("o", merged)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.tree.predecessors(merged)).extracting(OrganizationTree.Relative::id)
			.containsExactlyInAnyOrder(a, b);
	}

	@Test
	void anAsOfQueryBeforeAMergeShowsTheOldTree() {
		long root = this.fixtures.root("Tỉnh thử ngày", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối B", START);
		long a = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Một", START);
		long b = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Hai", START);
		this.fixtures.member(a, "Phan Thị Ba", START);
		long merged = this.organizations.merge(this.system, List.of(a, b),
				new Organizations.NewOrganization(OrganizationType.CHI_BO_CO_SO, "Chi bộ Một Hai", bloc, null), MERGE,
				null);

		List<Long> before = subtree(bloc, MERGE.minusDays(1));
		List<Long> after = subtree(bloc, MERGE);
		assertThat(before).containsExactlyInAnyOrder(bloc, a, b);
		assertThat(after).containsExactlyInAnyOrder(bloc, merged);
		TreeNode oldBloc = find(this.tree.tree(this.system, MERGE.minusDays(1)), bloc);
		assertThat(oldBloc.getSubtree().fullIncludingExempt()).isEqualTo(1);
		assertThat(oldBloc.getChildren()).extracting((n) -> n.getOrganization().name())
			.containsExactly("Chi bộ Hai", "Chi bộ Một");
	}

	@Test
	void splitSendsChildrenAndMembersWhereTheMapsSay() {
		long root = this.fixtures.root("Tỉnh thử chia", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối cơ quan", START);
		long party = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Tuyên giáo", START);
		long state = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Sở Xây dựng", START);
		this.fixtures.member(party, "Võ Văn Bốn", START);
		LocalDate splitOn = LocalDate.of(2025, 2, 1);

		List<Long> parts = this.organizations.split(this.system, bloc, List.of(
				new Organizations.NewOrganization(OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ các cơ quan Đảng",
						null, null),
				new Organizations.NewOrganization(OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ UBND", null, null)),
				Map.of(party, 0, state, 1), null, splitOn, "(thử)");

		assertThat(this.tree.get(this.system, party, splitOn).parentId()).isEqualTo(parts.get(0));
		assertThat(this.tree.get(this.system, state, splitOn).parentId()).isEqualTo(parts.get(1));
		assertThat(this.tree.get(this.system, party, splitOn.minusDays(1)).parentId()).isEqualTo(bloc);
		assertThat(this.tree.find(this.system, bloc, splitOn)).isEmpty();
		assertThat(this.tree.history(this.system, bloc)).extracting(OrganizationTree.HistoryEntry::kind)
			.contains("CREATED", "SPLIT_INTO");
	}

	@Test
	void aPredecessorsHistoryIsInTheSuccessorsScope() {
		long root = this.fixtures.root("Tỉnh thử phạm vi", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối cũ", START);
		long cell = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Văn phòng", START);
		long member = this.fixtures.member(cell, "Đỗ Thị Năm", START);
		LocalDate splitOn = LocalDate.of(2025, 2, 1);
		List<Long> parts = this.organizations.split(this.system, bloc, List
			.of(new Organizations.NewOrganization(OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ mới", null, null)),
				Map.of(), null, splitOn, null);
		CurrentUser staff = this.fixtures.as(this.fixtures.user("vp", Role.OFFICE, parts.get(0)));

		List<Long> in2012 = this.tree.list(staff, LocalDate.of(2012, 10, 31)).stream().map(Organization::id).toList();
		assertThat(in2012).containsExactlyInAnyOrder(bloc, cell);
		Page<?> found = this.members.search(staff,
				new Members.Query("do thi nam", null, null, LocalDate.of(2012, 10, 31), 0, 50));
		assertThat(found.total()).isEqualTo(1);
		assertThat(this.members.get(staff, member).record().fullName()).isEqualTo("Đỗ Thị Năm");
	}

	@Test
	void moveUnderItsOwnSubtreeIsRefused() {
		long root = this.fixtures.root("Tỉnh thử chuyển", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối C", START);
		long committee = this.fixtures.child(bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở C", START);
		assertThatThrownBy(() -> this.organizations.move(this.system, bloc, committee, MERGE, null))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).field()).isEqualTo("parentId"));
	}

	@Test
	void aCellCannotSitUnderAProvinceDirectlyButAGrassrootsCellCan() {
		long root = this.fixtures.root("Tỉnh thử loại", START);
		assertThatThrownBy(() -> this.fixtures.child(root, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ sai", START))
			.isInstanceOf(InvalidInputException.class);
		long cell = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ đúng", START);
		assertThat(this.tree.get(this.system, cell, START).parentId()).isEqualTo(root);
	}

	@Test
	void dissolvingAnOrganizationWithMembersIsRefusedAndNothingIsWritten() {
		long root = this.fixtures.root("Tỉnh thử giải thể", START);
		long cell = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ còn người", START);
		this.fixtures.member(cell, "Ngô Văn Sáu", START);
		assertThatThrownBy(() -> this.organizations.dissolve(this.system, cell, MERGE, "thử", null))
			.isInstanceOf(RuleViolationException.class);
		assertThat(this.tree.get(this.system, cell, MERGE).validTo()).isNull();
		assertThat(this.tree.history(this.system, cell)).extracting(OrganizationTree.HistoryEntry::kind)
			.containsExactly("CREATED");
	}

	@Test
	void renameKeepsTheOldNameForEarlierDates() {
		long root = this.fixtures.root("Tỉnh thử đổi tên", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO,
				"Đảng bộ Khối các cơ quan Dân Chính Đảng tỉnh", START);
		this.organizations.rename(this.system, bloc, "Đảng bộ Khối các cơ quan tỉnh", LocalDate.of(2010, 9, 1),
				"(thử)");
		assertThat(this.tree.get(this.system, bloc, LocalDate.of(2010, 8, 31)).name())
			.isEqualTo("Đảng bộ Khối các cơ quan Dân Chính Đảng tỉnh");
		assertThat(this.tree.get(this.system, bloc, LocalDate.of(2012, 10, 31)).name())
			.isEqualTo("Đảng bộ Khối các cơ quan tỉnh");
	}

	@Test
	void treeFlagsCellsWithFewerThanThreeFullMembersAndGrassrootsCellsOfThirtyOrMore() {
		long root = this.fixtures.root("Tỉnh thử cảnh báo", START);
		long small = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ nhỏ", START);
		long big = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ lớn", START);
		this.fixtures.member(small, "Hồ Văn Bảy", START);
		this.fixtures.member(small, "Hồ Văn Tám", START);
		this.fixtures.probationaryMember(small, "Hồ Thị Chín", START);
		for (int i = 0; i < 30; i++) {
			this.fixtures.member(big, "Lý Văn Mười " + (char) ('A' + i % 26), START);
		}
		LocalDate on = LocalDate.of(2012, 10, 31);
		TreeNode smallNode = find(this.tree.tree(this.system, on), small);
		TreeNode bigNode = find(this.tree.tree(this.system, on), big);
		assertThat(smallNode.getFlags()).extracting(TreeNode.RuleFlag::messageKey)
			.containsExactly("organization.flag.too-few-full-members");
		assertThat(smallNode.getFlags().get(0).arguments()).containsExactly(2, 3);
		assertThat(bigNode.getFlags()).extracting(TreeNode.RuleFlag::messageKey)
			.containsExactly("organization.flag.grassroots-cell-too-large");
		// a cell with exactly 3 full members is not flagged
		long three = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ ba", START);
		for (int i = 0; i < 3; i++) {
			this.fixtures.member(three, "Bùi Văn Ba " + (char) ('A' + i), START);
		}
		assertThat(find(this.tree.tree(this.system, on), three).getFlags()).isEmpty();
		assertThat(this.members.get(this.system, this.fixtures.probationaryMember(three, "Bùi Thị Dự", on)).status())
			.isEqualTo(MemberStatus.PROBATIONARY);
	}

	@Test
	void anOrganizationOutsideTheCallersScopeIsNotFound() {
		long root = this.fixtures.root("Tỉnh thử ngoài", START);
		long other = this.fixtures.root("Tỉnh khác", START);
		CurrentUser secretary = this.fixtures.as(this.fixtures.user("bt", Role.SECRETARY, root));
		assertThatThrownBy(() -> this.tree.get(secretary, other, MERGE)).isInstanceOf(NotFoundException.class);
		assertThat(this.tree.list(secretary, MERGE)).extracting(Organization::id).containsExactly(root);
	}

	private List<Long> subtree(long id, LocalDate on) {
		return this.jdbc.sql("""
				SELECT descendant_id FROM organization_closure WHERE ancestor_id = :id AND valid_from <= :d
				  AND (valid_to IS NULL OR valid_to > :d)
				""").param("id", id).param("d", on).query(Long.class).list();
	}

	static TreeNode find(List<TreeNode> nodes, long id) {
		for (TreeNode node : nodes) {
			if (node.getOrganization().id() == id) {
				return node;
			}
			TreeNode found = find(node.getChildren(), id);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
