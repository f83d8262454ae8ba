package vn.capuy.committee;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.system.Today;

import static org.assertj.core.api.Assertions.assertThat;

@FullTest
class CommitteeSampleTests {

	@Autowired
	Users users;

	@Autowired
	Committees committees;

	@Autowired
	CommitteeWarnings warnings;

	@Autowired
	LeadershipCoverage coverage;

	@Autowired
	Assignments assignments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Today today;

	@Test
	void bithuIsLinkedToTheSecretaryOfItsOrganisationAndHoldsTheGrantThroughThePosition() {
		Long memberId = this.jdbc.sql("SELECT member_id FROM app_user WHERE username = 'bithu'")
			.query(Long.class)
			.single();
		assertThat(memberId).isNotNull();
		long organization = this.users.list()
			.stream()
			.filter((u) -> u.username().equals("bithu"))
			.findFirst()
			.orElseThrow()
			.grants()
			.get(0)
			.organizationId();
		Committees.CommitteeView view = this.committees.committee(CurrentUser.system(), organization,
				this.today.date());
		assertThat(view.secretary()).hasValueSatisfying((s) -> assertThat(s.memberId()).isEqualTo(memberId));
		assertThat(view.term().label()).isEqualTo("2025–2030");
		CurrentUser bithu = this.users.currentUser("bithu");
		assertThat(bithu.roles()).contains(Role.SECRETARY);
		// the positions add nothing outside the organisation the account was made for
		for (Long root : bithu.scopeRoots()) {
			assertThat(this.jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM organization_closure WHERE ancestor_id = :org AND descendant_id = :root
					  AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d))
					""")
				.param("org", organization)
				.param("root", root)
				.param("d", this.today.date())
				.query(Boolean.class)
				.single()).as("scope root %d", root).isTrue();
		}
	}

	@Test
	void theSampleShowsRealGapsOnTheDashboardTodayAndIn2012() {
		CurrentUser vanphong = this.users.currentUser("vanphong");
		LocalDate day = this.today.date();
		LeadershipCoverage.Report report = this.coverage.report(vanphong, day);
		assertThat(report.totals().withTerm()).isGreaterThan(50);
		assertThat(report.totals().withWorkingRegulation()).isPositive();
		assertThat(report.totals().followed()).isPositive().isLessThan(report.totals().needingFollower());
		assertThat(this.assignments.coverage(vanphong, day).unfollowed()).isNotEmpty();
		assertThat(this.warnings.all(vanphong, day)).extracting(CommitteeWarnings.Warning::messageKey)
			.contains(CommitteeWarnings.REGULATION_MISSING);
		// the new committee's first congress elected its secretary and standing committee
		long partyAgencies = report.rows()
			.stream()
			.filter((r) -> r.type().equals("DANG_BO_CAP_TREN_CO_SO"))
			.findFirst()
			.orElseThrow()
			.organizationId();
		Committees.CommitteeView first = this.committees.committee(vanphong, partyAgencies, day);
		assertThat(first.term().congressDate()).isEqualTo(CommitteeSample.FIRST_CONGRESS);
		assertThat(first.secretary()).isPresent();
		CurrentUser lanhdao = this.users.currentUser("lanhdao");
		assertThat(this.warnings.all(lanhdao, LocalDate.of(2012, 12, 31)))
			.extracting(CommitteeWarnings.Warning::messageKey)
			.contains(CommitteeWarnings.TERM_ENDED);
	}

}
