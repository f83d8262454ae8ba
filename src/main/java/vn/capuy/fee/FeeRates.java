package vn.capuy.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.capuy.membership.Sex;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.RuleViolationException;

/**
 * The one place a month's fee is computed: the rate of the member's category in force on
 * the month's first day, the party-age exemption, an approved relief, the voluntary
 * extra. Amounts are whole VND, rounded half up.
 */
@Component
public class FeeRates {

	private final RuleBook rules;

	FeeRates(RuleBook rules) {
		this.rules = rules;
	}

	/** Who pays, on what. */
	public record Payer(FeeCategory category, long baseAmount, long voluntaryExtra, Sex sex, LocalDate dateOfBirth,
			LocalDate partyAgeFrom) {
	}

	/** The amount due and, when less than the rate, why (a relief kind or PARTY_AGE). */
	public record Due(long amount, String relief) {
	}

	/**
	 * The fee due for the month, with {@code reliefPercent} of an approved relief (0 when
	 * none).
	 */
	public Due due(Payer payer, LocalDate month, ReliefKind relief, int reliefPercent) {
		LocalDate on = month.withDayOfMonth(1);
		Optional<Rule> partyAge = this.rules.inForce("fee.exempt.party-age-years", on);
		if (partyAge.isPresent() && payer.partyAgeFrom() != null && Period.between(payer.partyAgeFrom(), on)
			.getYears() >= Integer.parseInt(partyAge.get().value().strip())) {
			return new Due(payer.voluntaryExtra(), "PARTY_AGE");
		}
		long rate = rate(payer, on);
		String why = null;
		if (relief != null && reliefPercent > 0) {
			rate = BigDecimal.valueOf(rate)
				.multiply(BigDecimal.valueOf(100 - Math.min(100, reliefPercent)))
				.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
				.longValue();
			why = relief.name();
		}
		return new Due(rate + payer.voluntaryExtra(), why);
	}

	/** The rate for the category before any exemption or relief. */
	long rate(Payer payer, LocalDate on) {
		FeeCategory category = payer.category();
		if (category.percentOfBase()) {
			BigDecimal percent = this.rules.decimal("fee.percent." + category, on);
			return BigDecimal.valueOf(payer.baseAmount())
				.multiply(percent)
				.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
				.longValue();
		}
		long amount = this.rules.integer("fee.amount." + category, on);
		if (category == FeeCategory.OTHER && payer.sex() != null && payer.dateOfBirth() != null) {
			Optional<Rule> share = this.rules.inForce("fee.over-working-age.percent", on);
			Optional<Rule> age = this.rules.inForce("fee.working-age." + payer.sex().name(), on);
			if (share.isPresent() && age.isPresent() && Period.between(payer.dateOfBirth(), on).getYears() >= Integer
				.parseInt(age.get().value().strip())) {
				amount = BigDecimal.valueOf(amount)
					.multiply(new BigDecimal(share.get().value().strip()))
					.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
					.longValue();
			}
		}
		return amount;
	}

	/** Whether the base of a salary fee is the previous month's (Quy định 01-QĐ/TW). */
	public boolean basedOnPreviousMonth(LocalDate month) {
		return this.rules.inForce("fee.base.previous-month", month.withDayOfMonth(1))
			.map((r) -> "true".equals(r.value().strip()))
			.orElse(false);
	}

	/**
	 * The share (percent) an organisation of the type keeps of what it collects and
	 * receives.
	 */
	public int retention(String organizationType, LocalDate month) {
		return this.rules.inForce("fee.retention." + organizationType, month.withDayOfMonth(1))
			.map((r) -> Integer.parseInt(r.value().strip()))
			.orElse(0);
	}

	/**
	 * Splits an amount into what a level keeps and what it remits; the two add up
	 * exactly.
	 */
	public static long[] split(long amount, int keepPercent) {
		long kept = BigDecimal.valueOf(amount)
			.multiply(BigDecimal.valueOf(keepPercent))
			.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
			.longValue();
		return new long[] { kept, amount - kept };
	}

	static void requireRule(RuleBook rules, String key, LocalDate on) {
		if (rules.inForce(key, on).isEmpty()) {
			throw new RuleViolationException("error.rule.missing", key, on);
		}
	}

}
