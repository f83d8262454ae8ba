package vn.capuy.massorg;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

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
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTest
class MassOrgTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MassOrganizations massOrganizations;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	@Test
	void aPartyOrganisationLeadsItsMassOrganisationsWithLeadersCountsAndCandidates() {
		long root = this.fixtures.root("Tỉnh thử đoàn thể", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử", START);
		long cell = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Thử", START);
		long member = this.fixtures.member(cell, "Trương Văn Đoàn", START);
		long youth = this.massOrganizations.create(this.system, cell, MassOrgKind.YOUTH_UNION,
				"Đoàn Thanh niên Ban Thử", START);
		long union = this.massOrganizations.create(this.system, cell, MassOrgKind.TRADE_UNION, "Công đoàn Ban Thử",
				START);
		this.massOrganizations.addLeader(this.system, union, null, member, LeaderTitle.CHAIR, START, "QĐ thử");
		this.massOrganizations.recordCounts(this.system, youth, Map.of(2024, 21, 2025, 23));
		long candidate = this.massOrganizations.proposeCandidate(this.system, youth, "Lý Thị Ưu Tú",
				LocalDate.of(2001, 5, 2), LocalDate.of(2025, 10, 1), null);
		assertThatThrownBy(() -> this.massOrganizations.proposeCandidate(this.system, union, "Người Khác", null,
				LocalDate.of(2025, 10, 1), null))
			.isInstanceOf(InvalidInputException.class);
		MassOrganizations.Detail detail = this.massOrganizations.get(this.system, union, LocalDate.of(2025, 12, 1));
		assertThat(detail.leaders()).singleElement().satisfies((l) -> {
			assertThat(l.memberId()).isEqualTo(member);
			assertThat(l.fullName()).isEqualTo("Trương Văn Đoàn");
		});
		CurrentUser office = this.fixtures.as(this.fixtures.user("dt", Role.OFFICE, root));
		assertThat(this.massOrganizations.candidates(office, "PROPOSED")).extracting((c) -> c.id())
			.containsExactly(candidate);
		Map<Long, Integer> led = this.massOrganizations.ledCounts(office.scope(), LocalDate.of(2025, 12, 1));
		int sql = this.jdbc.sql("""
				SELECT count(*) FROM mass_organization WHERE organization_id IN
				  (SELECT descendant_id FROM organization_closure WHERE ancestor_id = :root)
				""").param("root", root).query(Integer.class).single();
		assertThat(led.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sql).isEqualTo(2);
		assertThat(this.massOrganizations.list(office, LocalDate.of(2025, 12, 1))).filteredOn((u) -> u.id() == youth)
			.singleElement()
			.satisfies((u) -> assertThat(u.latestCount()).isEqualTo(23));
		// outside the scope: 404
		long other = this.fixtures.root("Tỉnh khác đoàn thể", START);
		CurrentUser stranger = this.fixtures.as(this.fixtures.user("dk", Role.OFFICE, other));
		assertThatThrownBy(() -> this.massOrganizations.get(stranger, youth, LocalDate.of(2025, 12, 1)))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.massOrganizations.candidates(stranger, "PROPOSED")).noneMatch((c) -> c.id() == candidate);
		String name = this.fixtures.username(this.fixtures.user("dkapi", Role.OFFICE, other));
		HttpResponse<String> response = new Http(this.port).basic(name, "secret-" + name)
			.get("/api/v1/mass-organizations/" + youth);
		assertThat(response.statusCode()).isEqualTo(404);
	}

	/** The element with the id, as the page shows it. */
	private static String element(String html, String id) {
		int at = html.indexOf("id=\"" + id + "\"");
		assertThat(at).as("element #" + id).isPositive();
		return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
	}

	private static String feedback(String html, String id) {
		int at = html.indexOf("id=\"" + id + "-error\"");
		assertThat(at).as("message next to #" + id).isPositive();
		return html.substring(html.indexOf('>', at) + 1, html.indexOf("</div>", at));
	}

	@Test
	void refusedFormsComeBackAsTypedWithTheMessageNextToTheField() {
		long root = this.fixtures.root("Tỉnh thử biểu mẫu đoàn thể", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối biểu mẫu", START);
		long cell = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Biểu Mẫu", START);
		long union = this.massOrganizations.create(this.system, cell, MassOrgKind.TRADE_UNION, "Công đoàn Ban Biểu Mẫu",
				START);
		String name = this.fixtures.username(this.fixtures.user("dtbm", Role.OFFICE, root));
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		// the list page: a mass organisation without a name
		String token = browser.csrf("/mass-organizations");
		HttpResponse<String> created = browser.postForm("/mass-organizations", Map.of("organizationId",
				String.valueOf(cell), "kind", "WOMEN_UNION", "name", "  ", "validFrom", "2024-03-08", "_csrf", token));
		assertThat(created.statusCode()).isEqualTo(400);
		assertThat(feedback(created.body(), "m-name")).isEqualTo("Tên: bắt buộc phải nhập");
		assertThat(element(created.body(), "m-name")).contains("is-invalid").contains("aria-invalid=\"true\"");
		assertThat(element(created.body(), "m-from")).contains("value=\"2024-03-08\"");
		assertThat(created.body()).contains("<option value=\"WOMEN_UNION\" selected=\"selected\"")
			.contains("<option value=\"" + cell + "\" selected=\"selected\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM mass_organization WHERE organization_id = :o")
			.param("o", cell)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// a unit's page: a negative count
		token = browser.csrf("/mass-organizations/" + union);
		HttpResponse<String> counted = browser.postForm("/mass-organizations/" + union + "/counts",
				Map.of("year", "2025", "members", "-5", "_csrf", token));
		assertThat(counted.statusCode()).isEqualTo(400);
		assertThat(feedback(counted.body(), "c-members")).isEqualTo("Số đoàn viên, hội viên: không được âm");
		assertThat(element(counted.body(), "c-members")).contains("value=\"-5\"");
		assertThat(element(counted.body(), "c-year")).contains("value=\"2025\"");
		assertThat(this.massOrganizations.get(this.system, union, LocalDate.of(2025, 12, 1)).counts()).isEmpty();
		// the decision form names its own subject field
		token = browser.csrf("/mass-organizations/" + union);
		HttpResponse<String> decided = browser.postForm("/mass-organizations/" + union + "/decisions",
				Map.of("symbol", "12-NQ/CB", "issuedOn", "2025-05-05", "decisionSubject", "", "_csrf", token));
		assertThat(decided.statusCode()).isEqualTo(400);
		assertThat(feedback(decided.body(), "d-subject")).isEqualTo("Trích yếu quyết định: bắt buộc phải nhập");
		assertThat(element(decided.body(), "d-symbol")).contains("value=\"12-NQ/CB\"");
	}

}
