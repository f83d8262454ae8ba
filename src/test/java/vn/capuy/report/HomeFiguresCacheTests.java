package vn.capuy.report;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.DataVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's figures are kept in memory under the data version (V28): every
 * committed write moves it, so the figures are never stale; writes of a transaction that
 * rolls back never reach the kept figures; and every table either moves the version or is
 * listed as one whose writes change no figure.
 */
@FullTest
class HomeFiguresCacheTests {

	private static final LocalDate ON = LocalDate.of(2024, 6, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	HomeFigures figures;

	@Autowired
	DataVersion versions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void everyTableMovesTheVersionOrIsListedAsChangingNoFigure() {
		List<String> unwatched = this.jdbc.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT data_version_exempt(c.relname)
				  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'data_version')
				ORDER BY 1
				""").query(String.class).list();
		assertThat(unwatched)
			.as("tables without the data_version trigger (call data_version_watch in the migration"
					+ " that creates them, or list them in data_version_exempt)")
			.isEmpty();
		// and the exempt list names real tables only
		for (String exempt : List.of("spring_session", "audit_log", "data_version_pending", "scheduled_run",
				"background_job", "import_run", "app_user", "member_count_version", "data_version",
				"flyway_schema_history")) {
			assertThat(this.jdbc.sql("SELECT to_regclass(:t) IS NOT NULL")
				.param("t", exempt)
				.query(Boolean.class)
				.single()).as(exempt).isTrue();
		}
	}

	@Test
	void aCommittedTransactionMovesTheVersionOnceARolledBackOneNotAtAll() {
		long before = this.versions.current();
		this.transactions.executeWithoutResult((status) -> {
			this.fixtures.root("Phiên bản", ON);
			this.fixtures.root("Phiên bản", ON);
		});
		assertThat(this.versions.current()).isEqualTo(before + 1);
		this.transactions.executeWithoutResult((status) -> {
			this.fixtures.root("Phiên bản", ON);
			status.setRollbackOnly();
		});
		assertThat(this.versions.current()).isEqualTo(before + 1);
	}

	@Test
	void theFiguresFollowEveryCommittedWriteAndNeverKeepARolledBackOne() {
		long root = this.fixtures.root("Đảng bộ Trang chủ", ON.minusYears(1));
		long cell = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ Trang chủ", ON.minusYears(1));
		this.fixtures.member(cell, "Nguyễn Văn Một", ON.minusMonths(6));
		CurrentUser secretary = this.fixtures.as(this.fixtures.user("home", Role.SECRETARY, root));

		assertThat(this.figures.on(secretary, ON).members().total()).isEqualTo(1).isEqualTo(sqlCount(cell));
		assertThat(this.figures.on(secretary, ON).organizations()).isEqualTo(2);

		// a member placed by a committed transaction shows at once (the kept figures are
		// stale)
		this.fixtures.member(cell, "Trần Thị Hai", ON.minusMonths(3));
		assertThat(this.figures.on(secretary, ON).members().total()).isEqualTo(2).isEqualTo(sqlCount(cell));

		// inside a transaction that placed a third member, the caller sees it; once
		// rolled
		// back, nobody does (the figures computed inside it were not kept)
		this.transactions.executeWithoutResult((status) -> {
			this.fixtures.member(cell, "Lê Văn Ba", ON.minusMonths(1));
			assertThat(this.figures.on(secretary, ON).members().total()).isEqualTo(3);
			status.setRollbackOnly();
		});
		assertThat(this.figures.on(secretary, ON).members().total()).isEqualTo(2).isEqualTo(sqlCount(cell));

		// a new cell (a write of another module's table) shows too
		this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ Trang chủ 2", ON.minusMonths(2));
		assertThat(this.figures.on(secretary, ON).organizations()).isEqualTo(3);
	}

	@Test
	void theHomePageShowsTwentyAlertsAndTheAlertsPageShowsEveryOneOnce() {
		// 45 cells of one full member each: 45 "too few full members" flags in the scope,
		// and the committee module's one summarised alert "45 organisations without a
		// secretary" (severe, so listed first)
		long root = this.fixtures.root("Đảng bộ Cảnh báo", ON.minusYears(1));
		for (int i = 1; i <= 45; i++) {
			long cell = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ Cảnh báo số " + i,
					ON.minusYears(1));
			this.fixtures.member(cell, "Nguyễn Văn Cảnh", ON.minusMonths(6));
		}
		long user = this.fixtures.user("canhbao", Role.SECRETARY, root);
		vn.capuy.Http browser = new vn.capuy.Http(this.port);
		String name = this.fixtures.username(user);
		assertThat(browser.login(name, "secret-" + name).statusCode()).isEqualTo(302);

		String home = browser.get("/?asOf=" + ON).body();
		assertThat(home).contains("Cảnh báo (46)")
			.contains("Xem tất cả 46 cảnh báo")
			.contains("45 tổ chức đảng chưa có bí thư");
		assertThat(count(home, "Chi bộ Cảnh báo số ")).isEqualTo(19);

		java.util.Set<String> seen = new java.util.HashSet<>();
		String first = browser.get("/alerts?asOf=" + ON).body();
		String second = browser.get("/alerts?asOf=" + ON + "&page=1").body();
		assertThat(first).contains("Cảnh báo (46)")
			.contains("45 tổ chức đảng chưa có bí thư")
			.doesNotContain("Xem tất cả");
		assertThat(count(first, "Chi bộ Cảnh báo số ")).isEqualTo(45);
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("Chi bộ Cảnh báo số (\\d+)<").matcher(first);
		while (m.find()) {
			assertThat(seen.add(m.group(1))).as("cell " + m.group(1) + " listed once").isTrue();
		}
		assertThat(seen).hasSize(45);
		// past the last page: the list is empty, not an error
		assertThat(count(second, "Chi bộ Cảnh báo số ")).isZero();
		assertThat(browser.get("/alerts?page=-1").statusCode()).isEqualTo(400);
	}

	private static int count(String body, String needle) {
		int n = 0;
		for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}

	private int sqlCount(long cell) {
		return this.jdbc.sql("""
				SELECT count(*) FROM membership ms
				JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= :d
				  AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.organization_id = :cell AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND st.status IN ('FULL', 'PROBATIONARY', 'EXEMPT')
				""").param("d", ON).param("cell", cell).query(Integer.class).single();
	}

}
