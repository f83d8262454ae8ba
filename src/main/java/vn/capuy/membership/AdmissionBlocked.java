package vn.capuy.membership;

import vn.capuy.system.RuleViolationException;

/**
 * A transition refused by a rule: names the rule-book key (or the step rule) and its
 * source document, so the answer says which rule blocked it.
 */
public class AdmissionBlocked extends RuleViolationException {

	private final String rule;

	private final String source;

	public AdmissionBlocked(String rule, String source, String messageKey, Object... arguments) {
		super(messageKey, arguments);
		this.rule = rule;
		this.source = source;
	}

	public String rule() {
		return this.rule;
	}

	public String source() {
		return this.source;
	}

}
