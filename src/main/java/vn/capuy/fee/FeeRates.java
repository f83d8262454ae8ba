package vn.capuy.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.capuy.membership.Sex;
import vn.capuy.rulebook.RuleBook;

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
		return table(month).due(payer, relief, reliefPercent);
	}

	/**
	 * The rules in force on the month's first day, read once, for computing a whole
	 * organisation's month.
	 */
	public Table table(LocalDate month) {
		LocalDate on = month.withDayOfMonth(1);
		Map<FeeCategory, BigDecimal> percents = new EnumMap<>(FeeCategory.class);
		Map<FeeCategory, Long> amounts = new EnumMap<>(FeeCategory.class);
		for (FeeCategory c : FeeCategory.values()) {
			if (c.percentOfBase()) {
				this.rules.inForce("fee.percent." + c, on)
					.ifPresent((r) -> percents.put(c, new BigDecimal(r.value().strip())));
			}
			else {
				this.rules.inForce("fee.amount." + c, on)
					.ifPresent((r) -> amounts.put(c, Long.parseLong(r.value().strip())));
			}
		}
		Map<Sex, Integer> workingAge = new HashMap<>();
		for (Sex sex : Sex.values()) {
			this.rules.inForce("fee.working-age." + sex.name(), on)
				.ifPresent((r) -> workingAge.put(sex, Integer.parseInt(r.value().strip())));
		}
		Integer partyAge = this.rules.inForce("fee.exempt.party-age-years", on)
			.map((r) -> Integer.parseInt(r.value().strip()))
			.orElse(null);
		BigDecimal overAge = this.rules.inForce("fee.over-working-age.percent", on)
			.map((r) -> new BigDecimal(r.value().strip()))
			.orElse(null);
		return new Table(on, percents, amounts, workingAge, partyAge, overAge);
	}

	/** The fee rules of one month. */
	public record Table(LocalDate on, Map<FeeCategory, BigDecimal> percents, Map<FeeCategory, Long> amounts,
			Map<Sex, Integer> workingAge, Integer partyAgeYears, BigDecimal overWorkingAgePercent) {

		public Due due(Payer payer, ReliefKind relief, int reliefPercent) {
			if (this.partyAgeYears != null && payer.partyAgeFrom() != null
					&& Period.between(payer.partyAgeFrom(), this.on).getYears() >= this.partyAgeYears) {
				return new Due(payer.voluntaryExtra(), "PARTY_AGE");
			}
			long rate = rate(payer);
			String why = null;
			if (relief != null && reliefPercent > 0) {
				rate = share(rate, BigDecimal.valueOf(100 - Math.min(100, reliefPercent)));
				why = relief.name();
			}
			return new Due(rate + payer.voluntaryExtra(), why);
		}

		/** The rate for the category before any exemption or relief. */
		public long rate(Payer payer) {
			FeeCategory category = payer.category();
			if (category.percentOfBase()) {
				BigDecimal percent = this.percents.get(category);
				if (percent == null) {
					throw new vn.capuy.system.RuleViolationException("error.rule.missing", "fee.percent." + category,
							this.on);
				}
				return share(payer.baseAmount(), percent);
			}
			Long amount = this.amounts.get(category);
			if (amount == null) {
				throw new vn.capuy.system.RuleViolationException("error.rule.missing", "fee.amount." + category,
						this.on);
			}
			Integer age = payer.sex() == null ? null : this.workingAge.get(payer.sex());
			if (category == FeeCategory.OTHER && this.overWorkingAgePercent != null && age != null
					&& payer.dateOfBirth() != null && Period.between(payer.dateOfBirth(), this.on).getYears() >= age) {
				return share(amount, this.overWorkingAgePercent);
			}
			return amount;
		}

		private static long share(long amount, BigDecimal percent) {
			return BigDecimal.valueOf(amount)
				.multiply(percent)
				.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
				.longValue();
		}

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

}
