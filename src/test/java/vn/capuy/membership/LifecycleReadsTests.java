package vn.capuy.membership;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Badges and the register book read a whole cell at once and still give what an
 * independent SQL count gives; the saved column mapping of an import is edited on its
 * page and chosen on the import page; an import done at once writes in bulk and changes
 * nothing the second time.
 */
@FullTest
class LifecycleReadsTests {

	static final LocalDate START = LocalDate.of(1960, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Members members;

	@Autowired
	MemberLifecycle lifecycle;

	@Autowired
	Transfers transfers;

	@Autowired
	Badges badges;

	@Autowired
	RegisterBook registerBook;

	@Autowired
	MemberImports imports;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long root;

	long cellA;

	long cellB;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử đọc sổ", START);
		long committee = this.fixtures.child(this.root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sổ", START);
		this.cellA = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Sổ Một", START);
		this.cellB = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Sổ Hai", START);
	}

	@Test
	void badgesOfACellEqualAnIndependentCount() {
		// decisions three years before the placement: milestones reached in 2026 for
		// 30, 40, 50 and 60 years, some not; one already awarded; one with time out
		int[] years = { 30, 40, 50, 60, 33, 47 };
		for (int i = 0; i < years.length; i++) {
			LocalDate decision = LocalDate.of(2026 - years[i], 1 + i, 10);
			this.fixtures.member(this.cellA, "Huy Văn " + (char) ('A' + i), decision.plusYears(3));
		}
		long awarded = this.fixtures.member(this.cellA, "Huy Văn Đã Trao", LocalDate.of(1999, 2, 1));
		this.jdbc.sql("INSERT INTO badge_award (member_id, years, presented_on) VALUES (:m, 30, '2026-02-03')")
			.param("m", awarded)
			.update();
		long gap = this.fixtures.member(this.cellA, "Huy Văn Gián Đoạn", LocalDate.of(1999, 3, 1));
		this.lifecycle.end(this.system, gap, MembershipEndReason.XOA_TEN_HAI_NAM_VI_PHAM, LocalDate.of(2005, 1, 1),
				"QĐ (mẫu)", null);
		this.members.readmit(this.system, gap, LocalDate.of(2006, 1, 1), LocalDate.of(2006, 1, 1), this.cellA,
				"QĐ (mẫu)");
		this.members.recognise(this.system, gap, LocalDate.of(2007, 1, 1), "QĐ (mẫu)");
		List<Badges.Due> due = this.badges.due(this.system, this.cellA, 2026);
		// independent: members of the cell whose decision date plus a milestone (shifted
		// by
		// the time out of the Party) falls after the last presentation of 2025 and on or
		// before the last of 2026, not yet awarded
		long expected = this.jdbc
			.sql("""
					WITH cell AS (
					  SELECT m.id, m.admission_decision_date
					    + coalesce((SELECT CAST(sum(least(coalesce(st.valid_to, '2026-11-07'), DATE '2026-11-07') - st.valid_from) AS int)
					                FROM member_status st WHERE st.member_id = m.id
					                  AND st.status NOT IN ('PROBATIONARY', 'FULL', 'EXEMPT')), 0) AS start
					  FROM member m JOIN membership ms ON ms.member_id = m.id AND ms.organization_id = :cell
					   AND ms.valid_to IS NULL)
					SELECT count(*) FROM cell c CROSS JOIN unnest(ARRAY[30,40,45,50,55,60,65,70,75,80,85,90]) AS y
					WHERE (c.start + make_interval(years => y))::date > DATE '2025-11-07'
					  AND (c.start + make_interval(years => y))::date <= DATE '2026-11-07'
					  AND NOT EXISTS (SELECT 1 FROM badge_award b WHERE b.member_id = c.id AND b.years = y)
					""")
			.param("cell", this.cellA)
			.query(Long.class)
			.single();
		assertThat(due).hasSize((int) expected);
		assertThat(expected).isEqualTo(4);
		assertThat(due).noneMatch((d) -> d.memberId() == awarded);
		assertThat(due).noneMatch((d) -> d.memberId() == gap);
	}

	@Test
	void theRegisterBookEqualsAnIndependentReading() {
		long stays = this.fixtures.member(this.cellA, "Sổ Văn Ở", LocalDate.of(2010, 1, 1));
		long leaves = this.fixtures.member(this.cellA, "Sổ Văn Đi", LocalDate.of(2011, 1, 1));
		long dies = this.fixtures.member(this.cellA, "Sổ Văn Mất", LocalDate.of(2012, 1, 1));
		long t = this.transfers.start(this.system,
				new Transfers.NewTransfer(leaves, TransferKind.NOI_BO, this.cellB, null, LocalDate.of(2020, 3, 2),
						LocalDate.of(2020, 3, 3), "1/GT", LocalDate.of(2020, 3, 4), null, null, null, null));
		this.transfers.receive(this.system, t, LocalDate.of(2020, 3, 10));
		this.lifecycle.end(this.system, dies, MembershipEndReason.TU_TRAN, LocalDate.of(2021, 5, 5), null, null);
		List<RegisterBook.Line> book = this.registerBook.book(this.system, this.cellA);
		record Expected(long member, LocalDate left, String status) {
		}
		List<Expected> expected = this.jdbc.sql("""
				SELECT r.member_id,
				  (SELECT CASE WHEN bool_or(ms.valid_to IS NULL) THEN NULL ELSE max(ms.valid_to) END
				     FROM membership ms WHERE ms.member_id = r.member_id AND ms.organization_id = r.organization_id),
				  (SELECT st.status FROM member_status st WHERE st.member_id = r.member_id
				     AND st.valid_from = (SELECT max(valid_from) FROM member_status WHERE member_id = r.member_id))
				FROM member_register_row r WHERE r.organization_id = :o ORDER BY r.row_number
				""")
			.param("o", this.cellA)
			.query((rs, n) -> new Expected(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
			.list();
		assertThat(book).extracting((l) -> new Expected(l.memberId(), l.leftOn(), l.status()))
			.containsExactlyElementsOf(expected);
		assertThat(book).extracting(RegisterBook.Line::memberId).containsExactly(stays, leaves, dies);
		assertThat(book).extracting(RegisterBook.Line::rowNumber).containsExactly(1, 2, 3);
		assertThat(book.get(1).leftOn()).isEqualTo(LocalDate.of(2020, 3, 10));
		assertThat(book.get(2).status()).isEqualTo("DECEASED");
	}

	@Test
	void aSavedColumnMappingIsEditedOnItsPageAndChosenOnTheImportPage() {
		int n = Fixtures.next();
		List<String> headers = List.of("Cột A " + n, "Cột B", "Cột C", "Cột D", "Cột E", "Cột F");
		this.imports.saveLayout(this.system, "Bố cục thử " + n, headers, Map.of(0, ImportField.FULL_NAME, 1,
				ImportField.SEX, 2, ImportField.DATE_OF_BIRTH, 3, ImportField.ADMISSION_DECISION_DATE));
		long id = this.imports.layouts()
			.stream()
			.filter((l) -> l.name().equals("Bố cục thử " + n))
			.findFirst()
			.orElseThrow()
			.id();
		long user = this.fixtures.user("vpbc", Role.OFFICE, this.root);
		String name = this.fixtures.username(user);
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		assertThat(browser.get("/imports").body()).contains("/imports/layouts/" + id).contains("Bố cục thử " + n);
		String page = browser.get("/imports/layouts/" + id).body();
		assertThat(page).contains("Cột A " + n).contains("selected");
		// a field from two columns is refused next to the mapping, nothing changed
		HttpResponse<String> twice = browser.postForm("/imports/layouts/" + id,
				Map.of("_csrf", browser.csrf("/imports/layouts/" + id), "name", "Bố cục thử " + n, "col0", "FULL_NAME",
						"col1", "SEX", "col2", "DATE_OF_BIRTH", "col3", "ADMISSION_DECISION_DATE", "col4",
						"FULL_NAME"));
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body())
			.contains("id=\"mapping-error\">trường “Họ và tên đang dùng” được gán cho hơn một cột<");
		assertThat(this.imports.layout(id).mapping()).doesNotContainKey(4);
		// a mapping without the admission date is refused, naming the field
		HttpResponse<String> missing = browser.postForm("/imports/layouts/" + id,
				Map.of("_csrf", browser.csrf("/imports/layouts/" + id), "name", "Bố cục thử " + n, "col0", "FULL_NAME",
						"col1", "SEX", "col2", "DATE_OF_BIRTH"));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("chưa có cột cho trường");
		// saved: card number from column E, life history from F
		HttpResponse<String> saved = browser.postForm("/imports/layouts/" + id,
				Map.of("_csrf", browser.csrf("/imports/layouts/" + id), "name", "Bố cục sửa " + n, "col0", "FULL_NAME",
						"col1", "SEX", "col2", "DATE_OF_BIRTH", "col3", "ADMISSION_DECISION_DATE", "col4",
						"PARTY_CARD_NUMBER", "col5", "LIFE_HISTORY_NUMBER"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(browser.get("/imports/layouts/" + id).body()).contains("Đã lưu bố cục tệp.")
			.contains("Bố cục sửa " + n);
		assertThat(this.imports.layout(id).mapping()).containsEntry(4, ImportField.PARTY_CARD_NUMBER)
			.containsEntry(5, ImportField.LIFE_HISTORY_NUMBER);
		// chosen for a file whose headers are different words: the layout decides
		String card = String.format("%08d", 60000000 + n);
		String csv = "Tên,Phái,Sinh,Vào,Thẻ,LL\nLý Văn Bố Cục,Nam,01/02/1980,03/04/2005," + card + ","
				+ String.format("%06dBC", n) + "\n";
		MemberImports.Preview preview = this.imports.preview(this.system, "khac.csv",
				csv.getBytes(StandardCharsets.UTF_8), this.imports.layout(id).mapping(), this.cellA);
		assertThat(preview.errors()).isEmpty();
		assertThat(preview.mapping()).containsEntry(4, ImportField.PARTY_CARD_NUMBER);
	}

	@Test
	void anImportDoneAtOnceWritesInBulkAndChangesNothingTheSecondTime() {
		int offset = 700_000 + (Fixtures.next() % 200) * 1000;
		List<ImportSpeed.Generated> rows = ImportSpeed.generate(300, offset);
		String csv = ImportSpeed.csv(rows);
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		MemberImports.Outcome first = this.imports.importNow(this.system, "bulk.csv", bytes, null, this.cellB);
		assertThat(first.created()).as(String.valueOf(first.errors())).isEqualTo(300);
		long inCell = this.jdbc.sql("""
				SELECT count(*) FROM membership ms JOIN member_status st ON st.member_id = ms.member_id
				 AND st.status = 'FULL' AND st.valid_to IS NULL
				WHERE ms.organization_id = :o AND ms.valid_to IS NULL AND ms.reason = 'REGISTERED'
				""").param("o", this.cellB).query(Long.class).single();
		assertThat(inCell).isEqualTo(300);
		long audited = this.jdbc
			.sql("""
					SELECT sum(jsonb_array_length(after_data -> 'memberIds')) FROM audit_log
					WHERE action = 'REGISTER_BULK' AND after_data ->> 'source' = 'import'
					  AND (after_data -> 'memberIds') @> to_jsonb(ARRAY(SELECT member_id FROM membership WHERE organization_id = :o))
					""")
			.param("o", this.cellB)
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(300);
		// citizen IDs stored encrypted and found again by their keyed hash
		ImportSpeed.Generated g = rows.get(0);
		long firstId = this.jdbc.sql("SELECT id FROM member WHERE party_card_number = :c")
			.param("c", g.card())
			.query(Long.class)
			.single();
		assertThat(this.members.get(this.system, firstId).record().citizenId()).isEqualTo(g.citizenId());
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM member WHERE id = :id AND citizen_id IS NULL AND citizen_id_enc IS NOT NULL")
			.param("id", firstId)
			.query(Long.class)
			.single()).isEqualTo(1);
		MemberImports.Outcome second = this.imports.importNow(this.system, "bulk.csv", bytes, null, this.cellB);
		assertThat(second.unchanged()).isEqualTo(300);
		assertThat(second.created()).isZero();
	}

}
