package vn.capuy.inspection;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import vn.capuy.FullTest;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every row of the default authority table (Statute Art. 36) as the rule book holds it:
 * who may decide which form for whom, and the rule named when refused.
 */
@FullTest
class DisciplineAuthorityTests {

	private static final LocalDate ON = LocalDate.of(2024, 5, 1);

	@Autowired
	DisciplineAuthority authority;

	@ParameterizedTest(name = "{0} / {1} / {2} / {3} delegated={4}: {5}")
	@CsvSource({
			// the cell: reprimand and warning of its members, committee members of any
			// level and higher-managed cadres, for the listed areas
			"CELL, FULL_MEMBER, MEMBER, PARTY_ACTIVITY, false, KHIEN_TRACH CANH_CAO",
			"CELL, FULL_MEMBER, COMMITTEE_MEMBER, ETHICS, false, KHIEN_TRACH CANH_CAO",
			"CELL, FULL_MEMBER, OWN_COMMITTEE_MEMBER, LIFESTYLE, false, KHIEN_TRACH CANH_CAO",
			"CELL, FULL_MEMBER, HIGHER_MANAGED_CADRE, IDEOLOGY, false, KHIEN_TRACH CANH_CAO",
			"CELL, PROBATIONARY_MEMBER, MEMBER, MEMBER_DUTIES, false, KHIEN_TRACH CANH_CAO",
			"CELL, ORGANIZATION, ORGANIZATION, OTHER, false, ''",
			// the grassroots committee as full committee
			"GRASSROOTS_COMMITTEE, FULL_MEMBER, MEMBER, OTHER, false, KHIEN_TRACH CANH_CAO",
			"GRASSROOTS_COMMITTEE, FULL_MEMBER, COMMITTEE_MEMBER, OTHER, false, KHIEN_TRACH CANH_CAO CACH_CHUC",
			"GRASSROOTS_COMMITTEE, FULL_MEMBER, MEMBER, OTHER, true, KHIEN_TRACH CANH_CAO KHAI_TRU",
			"GRASSROOTS_COMMITTEE, FULL_MEMBER, COMMITTEE_MEMBER, OTHER, true, KHIEN_TRACH CANH_CAO CACH_CHUC KHAI_TRU",
			"GRASSROOTS_COMMITTEE, FULL_MEMBER, OWN_COMMITTEE_MEMBER, OTHER, true, KHIEN_TRACH CANH_CAO",
			"GRASSROOTS_COMMITTEE, FULL_MEMBER, HIGHER_MANAGED_CADRE, OTHER, true, KHIEN_TRACH CANH_CAO",
			"GRASSROOTS_COMMITTEE, ORGANIZATION, ORGANIZATION, OTHER, false, ''",
			// no authority: the standing committee of a grassroots committee, the đảng uỷ
			// bộ phận
			"GRASSROOTS_STANDING, FULL_MEMBER, MEMBER, OTHER, true, ''",
			"GRASSROOTS_STANDING, ORGANIZATION, ORGANIZATION, OTHER, false, ''",
			"SUB_COMMITTEE, FULL_MEMBER, MEMBER, OTHER, false, ''",
			"SUB_COMMITTEE, FULL_MEMBER, COMMITTEE_MEMBER, OTHER, false, ''",
			// the committee directly above grassroots, its standing committee and its
			// UBKT
			"UPPER_COMMITTEE, FULL_MEMBER, MEMBER, OTHER, false, KHIEN_TRACH CANH_CAO CACH_CHUC KHAI_TRU",
			"UPPER_COMMITTEE, ORGANIZATION, ORGANIZATION, OTHER, false, KHIEN_TRACH CANH_CAO",
			"UPPER_STANDING, FULL_MEMBER, HIGHER_MANAGED_CADRE, OTHER, false, KHIEN_TRACH CANH_CAO CACH_CHUC KHAI_TRU",
			"UPPER_STANDING, ORGANIZATION, ORGANIZATION, OTHER, false, KHIEN_TRACH CANH_CAO",
			"UPPER_INSPECTION, FULL_MEMBER, COMMITTEE_MEMBER, OTHER, false, KHIEN_TRACH CANH_CAO CACH_CHUC KHAI_TRU",
			"UPPER_INSPECTION, ORGANIZATION, ORGANIZATION, OTHER, false, KHIEN_TRACH CANH_CAO" })
	void theAuthorityTableAllowsExactlyItsForms(DecidingBody body, SubjectKind subject, SubjectStanding standing,
			ViolationArea area, boolean delegated, String forms) {
		java.util.Set<DisciplineForm> expected = java.util.EnumSet.noneOf(DisciplineForm.class);
		for (String f : forms.split(" ")) {
			if (!f.isBlank()) {
				expected.add(DisciplineForm.valueOf(f));
			}
		}
		for (DisciplineForm form : DisciplineForm.values()) {
			DisciplineAuthority.Question q = new DisciplineAuthority.Question(body, subject, standing, area, form,
					delegated, ON);
			boolean fits = DisciplineForm.forSubject(subject).contains(form);
			if (fits && expected.contains(form)) {
				this.authority.check(q);
			}
			else {
				assertThatThrownBy(() -> this.authority.check(q)).isInstanceOf(RuleViolationException.class)
					.satisfies((ex) -> assertThat(((RuleViolationException) ex).messageKey()).isIn(
							"error.discipline.authority", "error.discipline.form-not-allowed",
							"error.discipline.dissolution-upward"));
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "ASSIGNED_TASKS", "FINANCE", "OTHER", "INTERNAL_POLITICS" })
	void theCellDisciplinesOnlyTheListedAreas(ViolationArea area) {
		assertThatThrownBy(() -> this.authority.check(new DisciplineAuthority.Question(DecidingBody.CELL,
				SubjectKind.FULL_MEMBER, SubjectStanding.MEMBER, area, DisciplineForm.KHIEN_TRACH, false, ON)))
			.isInstanceOfSatisfying(RuleViolationException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("error.discipline.authority-area");
				assertThat(ex.arguments()).contains("discipline.authority.CELL.areas");
			});
	}

	@ParameterizedTest
	@CsvSource({ "UPPER_COMMITTEE", "UPPER_STANDING", "UPPER_INSPECTION" })
	void dissolutionIsProposedUpward(DecidingBody body) {
		assertThatThrownBy(() -> this.authority.check(new DisciplineAuthority.Question(body, SubjectKind.ORGANIZATION,
				SubjectStanding.ORGANIZATION, ViolationArea.OTHER, DisciplineForm.GIAI_TAN, false, ON)))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("error.discipline.dissolution-upward"));
	}

	@ParameterizedTest
	@CsvSource({ "CACH_CHUC", "KHAI_TRU" })
	void probationaryMembersGetOnlyReprimandOrWarning(DisciplineForm form) {
		assertThatThrownBy(() -> this.authority.check(new DisciplineAuthority.Question(DecidingBody.UPPER_COMMITTEE,
				SubjectKind.PROBATIONARY_MEMBER, SubjectStanding.MEMBER, ViolationArea.OTHER, form, false, ON)))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("error.discipline.form-not-allowed"));
	}

	@org.junit.jupiter.api.Test
	void aRefusalNamesTheRuleAndItsSource() {
		assertThatThrownBy(
				() -> this.authority.check(new DisciplineAuthority.Question(DecidingBody.CELL, SubjectKind.FULL_MEMBER,
						SubjectStanding.MEMBER, ViolationArea.ETHICS, DisciplineForm.KHAI_TRU, false, ON)))
			.isInstanceOfSatisfying(RuleViolationException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("error.discipline.authority");
				assertThat(ex.arguments()).contains("discipline.authority.CELL.MEMBER", "Điều lệ Đảng 2011, Điều 36");
			});
	}

}
