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

}
