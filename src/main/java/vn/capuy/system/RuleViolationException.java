package vn.capuy.system;

import java.util.List;

/**
 * A request that is well formed but refused by a rule (a state that does not allow it, a
 * rule-book limit); answers 409 with the rule named.
 */
public class RuleViolationException extends RuntimeException {

	private final String messageKey;

	private final transient List<Object> arguments;

	public RuleViolationException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = java.util.Collections.unmodifiableList(java.util.Arrays.asList(arguments.clone()));
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
