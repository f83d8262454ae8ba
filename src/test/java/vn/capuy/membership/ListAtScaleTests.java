package vn.capuy.membership;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.organization.MemberCounts;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps the member list usable at province scale, seen at the sample's size: a
 * capped count said as "more than", the organisation found by a word of its name when the
 * scope is large, and the member counts of the whole tree kept per date but never stale
 * after a change.
 */
@FullTest
class ListAtScaleTests {

	static final LocalDate START = LocalDate.of(2015, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Members members;

	@Autowired
	MemberCountCache countCache;

	@Autowired
	JdbcClient jdbc;

	long root;

	long cellA;

	long cellB;

	String tag;

	@BeforeEach
	void tree() {
		this.tag = "Khảo" + Fixtures.next();
		this.root = this.fixtures.root("Tỉnh thử danh sách", START);
		long committee = this.fixtures.child(this.root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở " + this.tag,
				START);
		this.cellA = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Một " + this.tag,
				START);
		this.cellB = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Hai " + this.tag,
				START);
		for (int i = 0; i < 7; i++) {
			this.fixtures.member(this.cellA, "Lê Văn Khảo " + (char) ('A' + i), START);
		}
		this.fixtures.member(this.cellB, "Lê Thị Khảo", START);
	}

	@Test
	void aCountAboveTheCapIsSaidAsMoreThanAndBelowItIsExact() {
		LocalDate today = LocalDate.now();
		Members.Query query = new Members.Query("le khao", this.root, null, today, 0, 3);
		Page<MemberListItem> capped = this.members.search(CurrentUser.system(), query, 5);
		assertThat(capped.totalExact()).isFalse();
		assertThat(capped.total()).isEqualTo(5);
		assertThat(capped.items()).hasSize(3);
		Page<MemberListItem> exact = this.members.search(CurrentUser.system(), query, 10_000);
		assertThat(exact.totalExact()).isTrue();
		long inSql = this.jdbc.sql("""
				SELECT count(*) FROM membership ms JOIN member m ON m.id = ms.member_id
				WHERE ms.organization_id IN (:a, :b) AND ms.valid_to IS NULL AND m.full_name LIKE 'Lê % Khảo%'
				""").param("a", this.cellA).param("b", this.cellB).query(Long.class).single();
		assertThat(exact.total()).isEqualTo(inSql).isEqualTo(8);
		// a caller paging through a capped list still reaches every member
		java.util.Set<Long> seen = new java.util.HashSet<>();
		int page = 0;
		Page<MemberListItem> current;
		do {
			current = this.members.search(CurrentUser.system(),
					new Members.Query("le khao", this.root, null, today, page++, 3), 5);
			current.items().forEach((m) -> seen.add(m.id()));
		}
		while (current.hasNext());
		assertThat(seen).hasSize(8);
		// the last page knows the total without counting: exact, even under a smaller cap
		Page<MemberListItem> last = this.members.search(CurrentUser.system(),
				new Members.Query("le khao", this.root, null, today, 2, 3), 5);
		assertThat(last.items()).hasSize(2);
		assertThat(last.totalExact()).isTrue();
		assertThat(last.total()).isEqualTo(inSql);
		Page<MemberListItem> whole = this.members.search(CurrentUser.system(),
				new Members.Query("le khao", this.root, null, today, 0, 50), 5);
		assertThat(whole.items()).hasSize(8);
		assertThat(whole.totalExact()).isTrue();
		assertThat(whole.total()).isEqualTo(inSql);
		// past the last page nothing is shown and the total is still said (counted)
		Page<MemberListItem> beyond = this.members.search(CurrentUser.system(),
				new Members.Query("le khao", this.root, null, today, 9, 3), 10_000);
		assertThat(beyond.items()).isEmpty();
		assertThat(beyond.total()).isEqualTo(inSql);
	}

	@Test
	void aLargeScopeFindsTheOrganisationByAWordOfItsName() {
		Http admin = new Http(this.port);
		admin.login("admin", vn.capuy.sample.SampleCommittee.PASSWORD);
		// the test configuration offers the search box from 40 organisations on
		HttpResponse<String> list = admin.get("/members");
		assertThat(list.body()).contains("name=\"organization\"").doesNotContain("id=\"organizationId\"");
		// a word that fits both cells: the page asks which one
		HttpResponse<String> several = admin.get("/members?organization=phong+" + fold(this.tag));
		assertThat(several.body()).contains("Chi bộ Phòng Một " + this.tag)
			.contains("Chi bộ Phòng Hai " + this.tag)
			.contains("organizationId=" + this.cellA);
		// words that fit one: the list is that cell's members only
		HttpResponse<String> one = admin.get("/members?organization=phong+hai+" + fold(this.tag));
		assertThat(one.body()).contains("Lê Thị Khảo").doesNotContain("Lê Văn Khảo A");
		assertThat(one.body()).contains("1 đảng viên");
		HttpResponse<String> none = admin.get("/members?organization=khong+co+to+chuc+nay");
		assertThat(none.body()).contains("Không có tổ chức nào có tên chứa");
	}

	@Test
	void aSecretaryWithAFewOrganisationsKeepsTheDropDown() {
		long secretary = this.fixtures.user("bt", Role.SECRETARY, this.cellA);
		Http http = new Http(this.port);
		http.login(this.fixtures.username(secretary), "secret-" + this.fixtures.username(secretary));
		HttpResponse<String> list = http.get("/members");
		assertThat(list.body()).contains("id=\"organizationId\"").doesNotContain("name=\"organization\"");
		assertThat(list.body()).contains("Lê Văn Khảo A").doesNotContain("Lê Thị Khảo");
	}

	@Test
	void theCountsOfTheWholeTreeFollowEveryChangeOfPlacementOrStatus() {
		LocalDate today = LocalDate.now();
		Map<Long, MemberCounts> before = this.countCache.on(today);
		assertThat(before.get(this.cellB).total()).isEqualTo(sqlCount(this.cellB, today)).isEqualTo(1);
		long version = version();
		this.fixtures.member(this.cellB, "Lê Thị Khảo Mới", START);
		assertThat(version()).isGreaterThan(version);
		Map<Long, MemberCounts> after = this.countCache.on(today);
		assertThat(after.get(this.cellB).total()).isEqualTo(sqlCount(this.cellB, today)).isEqualTo(2);
		// an unchanged version serves the kept counts
		assertThat(this.countCache.on(today)).isSameAs(after);
	}

	private long version() {
		return this.jdbc.sql("SELECT version FROM member_count_version").query(Long.class).single();
	}

	private long sqlCount(long cell, LocalDate d) {
		return this.jdbc.sql("""
				SELECT count(*) FROM membership ms JOIN member_status st ON st.member_id = ms.member_id
				WHERE ms.organization_id = :cell AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
				  AND st.status IN ('FULL', 'PROBATIONARY', 'EXEMPT')
				""").param("cell", cell).param("d", d).query(Long.class).single();
	}

	private static String fold(String text) {
		return vn.capuy.system.VietnameseText.fold(text).replace(' ', '+');
	}

}
