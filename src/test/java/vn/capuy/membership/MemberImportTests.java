package vn.capuy.membership;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

@FullTest
class MemberImportTests {

	static final LocalDate START = LocalDate.of(2010, 1, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	MemberImports imports;

	@Autowired
	Members members;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long cell;

	String cellName;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử nhập", START);
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Nhập", START);
		this.cellName = "Chi bộ Nhập " + Fixtures.next();
		this.cell = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, this.cellName, START);
	}

	static String row(String name, String sex, String dob, String card, String lifeHistory, String decision,
			String full) {
		return String.join(",", name, sex, dob, card, lifeHistory, decision, full, "Kinh");
	}

	String file(String... rows) {
		return "Họ và tên,Giới tính,Ngày sinh,Số thẻ đảng viên,Số lý lịch,Ngày vào Đảng,Ngày chính thức,Dân tộc\n"
				+ String.join("\n", rows) + "\n";
	}

	MemberImports.Progress run(byte[] content, boolean perRow) throws InterruptedException {
		long job = this.imports.start(this.system, "danh-sach.csv", content, null, perRow, this.cell);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		MemberImports.Progress p = this.imports.progress(this.system, job);
		while ("RUNNING".equals(p.status()) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			p = this.imports.progress(this.system, job);
		}
		return p;
	}

	long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	String fingerprint() {
		return this.jdbc.sql("""
				SELECT md5(string_agg(m::text, '|' ORDER BY m.id)) FROM member m
				""").query(String.class).single() + count("membership") + "/" + count("member_status");
	}

	int n() {
		return Fixtures.next() % 1000;
	}

	@Test
	void importingTheSameFileTwiceChangesNothing() throws InterruptedException {
		int a = n();
		String content = file(
				row("Phạm Văn Nhập", "Nam", "05/02/1980", String.format("%08d", 81000000 + a),
						String.format("%06dQB", 810000 + a), "3/2/05", "03/02/2006"),
				row("Đỗ Thị Hai", "Nữ", "24571", String.format("%08d", 82000000 + a), "", "19/05/2010", ""),
				row("Bùi Văn Ba", "Nam", "1/1/75", "", String.format("%06dQB", 830000 + a), "02/09/1999",
						"02/09/2000"));
		MemberImports.Progress first = run(content.getBytes(StandardCharsets.UTF_8), false);
		assertThat(first.status()).isEqualTo("DONE");
		assertThat(first.created()).as(first.message()).isEqualTo(3);
		Long id = this.jdbc.sql("SELECT id FROM member WHERE party_card_number = :c")
			.param("c", String.format("%08d", 81000000 + a))
			.query(Long.class)
			.single();
		MemberFile imported = this.members.get(this.system, id);
		assertThat(imported.record().admissionDecisionDate()).isEqualTo(LocalDate.of(2005, 2, 3));
		assertThat(imported.record().dateOfBirth()).isEqualTo(LocalDate.of(1980, 2, 5));
		assertThat(imported.status()).isEqualTo(MemberStatus.FULL);
		String before = fingerprint();
		MemberImports.Progress second = run(content.getBytes(StandardCharsets.UTF_8), false);
		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(3);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void oneBadRowInTheMiddleWritesNothingAndNamesRowAndColumn() throws InterruptedException {
		int a = n();
		String content = file(
				row("Lý Văn Một", "Nam", "05/02/1980", String.format("%08d", 84000000 + a), "", "3/2/05", ""),
				row("Lý Văn Hai", "Nam", "31/02/1981", String.format("%08d", 85000000 + a), "", "3/2/05", ""),
				row("Lý Văn Ba", "Nam", "05/02/1982", String.format("%08d", 86000000 + a), "", "3/2/05", ""));
		long membersBefore = count("member");
		MemberImports.Progress p = run(content.getBytes(StandardCharsets.UTF_8), false);
		assertThat(p.created()).isZero();
		assertThat(p.rejected()).isEqualTo(1);
		assertThat(p.message()).contains("Dòng 3").contains("Ngày sinh").contains("31/02/1981");
		assertThat(count("member")).isEqualTo(membersBefore);
		String report = new String(this.imports.errorReport(this.system, p.id()), StandardCharsets.UTF_8);
		assertThat(report).contains("3,Ngày sinh");
		// the same file row by row writes the two good rows
		MemberImports.Progress perRow = run(content.getBytes(StandardCharsets.UTF_8), true);
		assertThat(perRow.created()).isEqualTo(2);
		assertThat(perRow.rejected()).isEqualTo(1);
	}

	@Test
	void tcvn3AndVniFilesComeOutAsUnicodeNames() throws InterruptedException {
		int a = n();
		String tcvn = file(
				row("Nguyễn Thị Thuỷ", "Nữ", "05/02/1980", String.format("%08d", 87000000 + a), "", "3/2/05", ""));
		String vni = file(
				row("Trương Văn Đức", "Nam", "05/02/1981", String.format("%08d", 88000000 + a), "", "3/2/05", ""));
		assertThat(run(LegacyTextTests.encode(tcvn, "TCVN3"), false).created()).isEqualTo(1);
		assertThat(run(LegacyTextTests.encode(vni, "VNI"), false).created()).isEqualTo(1);
		List<String> names = this.jdbc.sql("""
				SELECT full_name FROM member WHERE party_card_number IN (:a, :b) ORDER BY party_card_number
				""")
			.param("a", String.format("%08d", 87000000 + a))
			.param("b", String.format("%08d", 88000000 + a))
			.query(String.class)
			.list();
		assertThat(names).containsExactly("Nguyễn Thị Thuỷ", "Trương Văn Đức");
	}

}
