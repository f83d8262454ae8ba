package vn.capuy.membership;

import java.time.LocalDate;
import java.util.regex.Pattern;

import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;

/**
 * Validates the numbers on a member's record against the patterns in the rule book on a
 * date: party card number, life-history number, citizen ID. Each failure names the field
 * and the pattern's source.
 */
final class MemberNumbers {

	private final Pattern card;

	private final Pattern lifeHistory;

	private final Pattern citizenId;

	private final String cardSource;

	private final String lifeHistorySource;

	MemberNumbers(RuleBook rules, LocalDate on) {
		this.card = rules.pattern("member.card-number.pattern", on);
		this.cardSource = rules.require("member.card-number.pattern", on).sourceDocument();
		this.lifeHistory = rules.pattern("member.life-history-number.pattern", on);
		this.lifeHistorySource = rules.require("member.life-history-number.pattern", on).sourceDocument();
		this.citizenId = rules.pattern("member.citizen-id.pattern", on);
	}

	String partyCardNumber(String raw) {
		String value = blankToNull(raw);
		if (value != null && !this.card.matcher(value).matches()) {
			throw new InvalidInputException("partyCardNumber", "error.member.card-number", value, this.cardSource);
		}
		return value;
	}

	String lifeHistoryNumber(String raw) {
		String value = blankToNull(raw);
		if (value != null) {
			value = value.toUpperCase(java.util.Locale.ROOT).replace("đ", "Đ");
			if (!this.lifeHistory.matcher(value).matches()) {
				throw new InvalidInputException("lifeHistoryNumber", "error.member.life-history-number", value,
						this.lifeHistorySource);
			}
		}
		return value;
	}

	String citizenId(String raw) {
		String value = blankToNull(raw);
		if (value != null && !this.citizenId.matcher(value).matches()) {
			throw new InvalidInputException("citizenId", "error.member.citizen-id", value);
		}
		return value;
	}

	static String blankToNull(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip().replace(" ", "");
		return value.isEmpty() ? null : value;
	}

}
