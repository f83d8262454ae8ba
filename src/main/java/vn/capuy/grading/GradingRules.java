package vn.capuy.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;

/**
 * The grading rules in force on one date, read from the rule book: bands, conditions,
 * quota share, criteria, paths and deadlines, each with the document it comes from.
 */
public record GradingRules(LocalDate on, BigDecimal htxsMin, BigDecimal httMin, BigDecimal htnvMin,
		BigDecimal minExceedingShare, BigDecimal maxLateShare, boolean collectiveNoDiscipline,
		boolean collectiveShortcomingsCorrected, boolean leaderBoundedByUnit, Rule quota, List<PeriodKind> periodKinds,
		Map<String, Integer> memberCriteria, Map<String, Integer> organizationCriteria,
		Map<StudyResult, BigDecimal> studyFactors, int selfDays, int appraisalDays, int decisionDays,
		int consecutiveYears, String bandSource, String exceedingSource, Grade memberDisciplinedMax,
		String memberDisciplinedSource, int unexcusedAbsences) {

	public static final String HCM_STUDY = "HCM_STUDY";

	public static GradingRules on(RuleBook rules, LocalDate on) {
		Rule exceeding = rules.require("grading.htxs.min-exceeding-share", on);
		return new GradingRules(on, rules.decimal("grading.band.htxs.min", on),
				rules.decimal("grading.band.htt.min", on), rules.decimal("grading.band.htnv.min", on),
				new BigDecimal(exceeding.value().strip()), rules.decimal("grading.collective.htnv.max-late-share", on),
				bool(rules, "grading.collective.htxs.no-discipline", on),
				bool(rules, "grading.collective.htxs.shortcomings-corrected", on),
				bool(rules, "grading.leader.bounded-by-unit", on), rules.require("grading.quota.htxs-share-of-htt", on),
				Arrays.stream(rules.require("grading.period-kinds", on).value().split(","))
					.map(String::strip)
					.map(PeriodKind::valueOf)
					.toList(),
				criteria(rules.require("grading.criteria.member", on).value()),
				criteria(rules.require("grading.criteria.organization", on).value()),
				factors(rules.require("grading.hcm-study.factors", on).value()),
				rules.integer("grading.deadline.self.working-days", on),
				rules.integer("grading.deadline.appraisal.working-days", on),
				rules.integer("grading.deadline.decision.working-days", on),
				rules.integer("grading.consequence.consecutive-years", on),
				rules.require("grading.band.htxs.min", on).sourceDocument(), exceeding.sourceDocument(),
				Grade.valueOf(rules.require("grading.member.disciplined.max-grade", on).value().strip()),
				rules.require("grading.member.disciplined.max-grade", on).sourceDocument(),
				rules.integer("grading.consequence.unexcused-absences", on));
	}

	public BigDecimal quotaShare() {
		return new BigDecimal(this.quota.value().strip());
	}

	/**
	 * How many HTXS the quota allows for a number graded HTT (HTXS not counted among
	 * them): floor(share × HTT).
	 */
	public int quotaAllowed(int htt) {
		return quotaShare().multiply(BigDecimal.valueOf(htt)).setScale(0, java.math.RoundingMode.FLOOR).intValueExact();
	}

	/** The grade the score's band gives, before any condition. */
	public Grade band(BigDecimal score) {
		if (score.compareTo(this.htxsMin) >= 0) {
			return Grade.HTXS;
		}
		if (score.compareTo(this.httMin) >= 0) {
			return Grade.HTT;
		}
		if (score.compareTo(this.htnvMin) >= 0) {
			return Grade.HTNV;
		}
		return Grade.KHTNV;
	}

	public Map<String, Integer> criteria(boolean member) {
		return member ? this.memberCriteria : this.organizationCriteria;
	}

	private static boolean bool(RuleBook rules, String key, LocalDate on) {
		return Boolean.parseBoolean(rules.require(key, on).value().strip());
	}

	static Map<String, Integer> criteria(String value) {
		Map<String, Integer> map = new LinkedHashMap<>();
		for (String part : value.split(",")) {
			String[] kv = part.strip().split(":");
			map.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
		}
		return map;
	}

	static Map<StudyResult, BigDecimal> factors(String value) {
		Map<StudyResult, BigDecimal> map = new LinkedHashMap<>();
		for (String part : value.split(",")) {
			String[] kv = part.strip().split(":");
			map.put(StudyResult.valueOf(kv[0].strip()), new BigDecimal(kv[1].strip()));
		}
		return map;
	}

}
