package vn.capuy.sample;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.Members;
import vn.capuy.organization.MemberCounts;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.organization.TreeNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample committee as it loads at start-up: the 2012 bloc of the story, the 2025
 * split and merger, the members tests and the README name, the rules broken on purpose,
 * and the sample accounts' scopes.
 */
@vn.capuy.FullTest
@org.junit.jupiter.api.Order(1)
class SampleCommitteeTests {

	private static final CurrentUser SYSTEM = CurrentUser.system();

	@Autowired
	private StartupData startup;

	@Autowired
	private OrganizationTree tree;

	@Autowired
	private Members members;

	@Autowired
	private Users users;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void sampleLoaded() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!Status.UP.equals(this.startup.health().getStatus())) {
			Object state = this.startup.health().getDetails().get("startup");
			if ("FAILED".equals(state)) {
				fail("the sample committee failed to load (see the log)");
			}
			if (System.nanoTime() > deadline) {
				fail("the sample committee did not load within 3 minutes: " + this.startup.health().getDetails());
			}
			Thread.sleep(200);
		}
	}

	@Test
	void onTheStoryDateTheRegisterCountsAgreeWithAnIndependentCount() {
		LocalDate d = SampleCommittee.STORY_DATE;
		List<TreeNode> roots = this.tree.tree(SYSTEM, d);
		int organizations = roots.stream().mapToInt(TreeNode::size).sum();
		int inParty = roots.stream().map(TreeNode::getSubtree).mapToInt(MemberCounts::total).sum();

		long sqlOrganizations = this.jdbc.sql("""
				SELECT count(*) FROM organization WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", d).query(Long.class).single();
		long sqlInParty = this.jdbc.sql("""
				SELECT count(DISTINCT ms.member_id) FROM membership ms
				JOIN member_status st ON st.member_id = ms.member_id
				 AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')
				""").param("d", d).query(Long.class).single();

		assertThat(organizations).isBetween(270, 330).isEqualTo((int) sqlOrganizations);
		assertThat(inParty).isBetween(3000, 4000).isEqualTo((int) sqlInParty);
		TreeNode bloc = only(child(root(roots, SampleCommittee.QUANG_BINH), SampleCommittee.BLOC_NAME));
		assertThat(bloc.getChildren()).hasSize(60);
		assertThat(bloc.getSubtree().total()).isBetween(2600, 4000);
		assertThat(count(bloc, (n) -> n.getOrganization().type().isCell())).isBetween(190, 240);
	}

	@Test
	void theBlocWasCalledDanChinhDangBeforeItsRenaming() {
		List<TreeNode> roots = this.tree.tree(SYSTEM, SampleCommittee.RENAME_DATE.minusDays(1));
		assertThat(child(root(roots, SampleCommittee.QUANG_BINH), SampleCommittee.BLOC_FIRST_NAME)).hasSize(1);
	}

	@Test
	void onTheEveOfTheSplitBothProvincesHaveTheirBloc() {
		List<TreeNode> roots = this.tree.tree(SYSTEM, LocalDate.of(2024, 12, 31));
		assertThat(roots).extracting((n) -> n.getOrganization().name())
			.containsExactly(SampleCommittee.QUANG_BINH, SampleCommittee.QUANG_TRI);
		assertThat(only(child(root(roots, SampleCommittee.QUANG_BINH), SampleCommittee.BLOC_NAME)).getChildren())
			.hasSize(60);
		assertThat(only(child(root(roots, SampleCommittee.QUANG_TRI), SampleCommittee.BLOC_NAME)).getChildren())
			.hasSize(10);
	}

	@Test
	void afterTheMergerOneProvinceHoldsTheTwoMergedCommittees() {
		List<TreeNode> roots = this.tree.tree(SYSTEM, LocalDate.of(2026, 1, 1));
		assertThat(roots).hasSize(1);
		TreeNode quangTri = root(roots, SampleCommittee.QUANG_TRI);
		assertThat(quangTri.getChildren()).extracting((n) -> n.getOrganization().name())
			.containsExactlyInAnyOrder(SampleCommittee.PARTY_AGENCIES, SampleCommittee.PEOPLES_COMMITTEE);
		TreeNode party = only(child(quangTri, SampleCommittee.PARTY_AGENCIES));
		TreeNode government = only(child(quangTri, SampleCommittee.PEOPLES_COMMITTEE));
		assertThat(party.getChildren().size() + government.getChildren().size()).isEqualTo(70);
		assertThat(child(party, SampleCommittee.BITHU_ORGANIZATION_NAME)).hasSize(1);
		assertThat(child(party, "Chi bộ Ban Tổ chức Tỉnh uỷ")).hasSize(1);
		assertThat(child(government, "Đảng bộ Sở Tài chính")).hasSize(1);
		assertThat(child(government, "Chi bộ Ban Dân tộc tỉnh")).hasSize(1);
	}

	@Test
	void theNamedMembersCanBeFoundInTheirCells() {
		for (SampleCommittee.NamedMember named : List.of(SampleCommittee.VINH, SampleCommittee.THUY_OLD_SPELLING,
				SampleCommittee.THUY_NEW_SPELLING)) {
			String cell = this.jdbc.sql("""
					SELECT n.name FROM member m JOIN membership ms ON ms.member_id = m.id AND ms.valid_to IS NULL
					JOIN organization_name n ON n.organization_id = ms.organization_id AND n.valid_to IS NULL
					WHERE m.full_name = :name
					""").param("name", named.fullName()).query(String.class).single();
			assertThat(cell).isEqualTo(named.cellName());
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM member WHERE full_name = 'Trần Xuân Vinh'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void searchingOneTonePlacementFindsBothSpellings() {
		List<MemberListItem> found = this.members
			.search(SYSTEM,
					new Members.Query(SampleCommittee.THUY_NEW_SPELLING.fullName(), null, null,
							LocalDate.of(2026, 1, 1), 0, 100))
			.items();
		assertThat(found).extracting(MemberListItem::fullName)
			.contains(SampleCommittee.THUY_OLD_SPELLING.fullName(), SampleCommittee.THUY_NEW_SPELLING.fullName());
	}

	@Test
	void bothTonePlacementsOccurAmongTheInventedNames() {
		long old = this.jdbc.sql("SELECT count(*) FROM member WHERE full_name LIKE '%Thuỷ' OR full_name LIKE '%Hoà'")
			.query(Long.class)
			.single();
		long modern = this.jdbc.sql("SELECT count(*) FROM member WHERE full_name LIKE '%Thủy' OR full_name LIKE '%Hòa'")
			.query(Long.class)
			.single();
		assertThat(old).isGreaterThan(10);
		assertThat(modern).isGreaterThan(10);
	}

	@Test
	void theRegisterHoldsTransfersExemptionsRemovalsAndDeaths() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM membership WHERE reason = 'TRANSFERRED'")
			.query(Long.class)
			.single()).isBetween(10L, 100L);
		for (String status : List.of("EXEMPT", "DECEASED", "REMOVED")) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM member_status WHERE status = :s AND valid_to IS NULL")
				.param("s", status)
				.query(Long.class)
				.single()).as(status).isBetween(3L, 150L);
		}
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM member WHERE party_card_number !~ '^\\d{8}$'
					  OR life_history_number !~ '^\\d{6}(QB|QT)$'
					  OR citizen_id IS NOT NULL OR phone IS NOT NULL OR (citizen_id_enc IS NULL) <> (citizen_id_hmac IS NULL)
					""")
			.query(Long.class)
			.single()).isZero();
		// citizen IDs are stored encrypted; decrypted through the register they keep the
		// province's prefix
		List<Long> someIds = this.jdbc
			.sql("SELECT id FROM member WHERE citizen_id_enc IS NOT NULL ORDER BY id LIMIT 50")
			.query(Long.class)
			.list();
		for (Long id : someIds) {
			assertThat(this.members.get(SYSTEM, id).record().citizenId()).matches("^04[45]\\d{9}$");
		}
	}

	@Test
	void threeCellsBreakTheSizeRulesOnPurpose() {
		List<TreeNode> roots = this.tree.tree(SYSTEM, LocalDate.of(2024, 12, 31));
		List<String> flagged = new ArrayList<>();
		roots.forEach((root) -> collect(root, (n) -> !n.getFlags().isEmpty(), flagged));
		assertThat(flagged).containsExactlyInAnyOrder(SampleCommittee.SMALL_CELL, SampleCommittee.SHRINKING_CELL,
				SampleCommittee.LARGE_GRASSROOTS_CELL);

		List<String> flaggedInTheStory = new ArrayList<>();
		this.tree.tree(SYSTEM, SampleCommittee.STORY_DATE)
			.forEach((root) -> collect(root, (n) -> !n.getFlags().isEmpty(), flaggedInTheStory));
		assertThat(flaggedInTheStory).containsExactlyInAnyOrder(SampleCommittee.SMALL_CELL,
				SampleCommittee.LARGE_GRASSROOTS_CELL);
	}

	@Test
	void theBlocsAccountsSeeThe2012BlocButNotTodaysPeoplesCommittee() {
		CurrentUser leader = user("lanhdao");
		assertThat(leader.has(Role.LEADER)).isTrue();
		Set<String> in2012 = names(this.tree.list(leader, SampleCommittee.STORY_DATE));
		assertThat(in2012).contains(SampleCommittee.BLOC_NAME, "Đảng bộ Sở Tài chính",
				SampleCommittee.BITHU_ORGANIZATION_NAME);
		Set<String> today = names(this.tree.list(leader, LocalDate.of(2026, 1, 1)));
		assertThat(today).contains(SampleCommittee.PARTY_AGENCIES, SampleCommittee.BITHU_ORGANIZATION_NAME)
			.doesNotContain(SampleCommittee.PEOPLES_COMMITTEE, "Đảng bộ Sở Tài chính");
	}

	@Test
	void theSecretarySeesOnlyTheirGrassrootsCommittee() {
		CurrentUser secretary = user("bithu");
		List<vn.capuy.organization.Organization> visible = this.tree.list(secretary, LocalDate.of(2026, 1, 1));
		assertThat(visible).filteredOn((o) -> o.type() == OrganizationType.DANG_BO_CO_SO)
			.extracting(vn.capuy.organization.Organization::name)
			.containsExactly(SampleCommittee.BITHU_ORGANIZATION_NAME);
		assertThat(visible).allMatch(
				(o) -> o.type() == OrganizationType.DANG_BO_CO_SO || o.type() == OrganizationType.CHI_BO_TRUC_THUOC);
		assertThat(this.users.list()).extracting(Users.UserSummary::username).containsAll(SampleCommittee.USERNAMES);
	}

	private CurrentUser user(String username) {
		Users.UserSummary summary = this.users.list()
			.stream()
			.filter((u) -> u.username().equals(username))
			.findFirst()
			.orElseThrow();
		Set<Role> roles = summary.grants().stream().map(Users.Grant::role).collect(Collectors.toSet());
		Set<Long> scope = summary.grants().stream().map(Users.Grant::organizationId).collect(Collectors.toSet());
		return new CurrentUser(summary.id(), username, summary.displayName(), roles, scope, false, "NONE");
	}

	private static Set<String> names(List<vn.capuy.organization.Organization> organizations) {
		return organizations.stream().map(vn.capuy.organization.Organization::name).collect(Collectors.toSet());
	}

	private static TreeNode root(List<TreeNode> roots, String name) {
		return roots.stream()
			.filter((n) -> n.getOrganization().name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no root " + name));
	}

	private static List<TreeNode> child(TreeNode parent, String name) {
		return parent.getChildren().stream().filter((n) -> n.getOrganization().name().equals(name)).toList();
	}

	private static TreeNode only(List<TreeNode> nodes) {
		assertThat(nodes).hasSize(1);
		return nodes.get(0);
	}

	private static int count(TreeNode node, Predicate<TreeNode> test) {
		int n = test.test(node) ? 1 : 0;
		for (TreeNode child : node.getChildren()) {
			n += count(child, test);
		}
		return n;
	}

	private static void collect(TreeNode node, Predicate<TreeNode> test, List<String> names) {
		if (test.test(node)) {
			names.add(node.getOrganization().name());
		}
		node.getChildren().forEach((child) -> collect(child, test, names));
	}

}
