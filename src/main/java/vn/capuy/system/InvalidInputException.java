package vn.capuy.system;

import java.util.List;

/**
 * Bad input, named by its field and the rule it breaks; the message is a key in
 * {@code messages_vi}, resolved when it reaches the user.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient List<Object> arguments;

	public InvalidInputException(String field, String messageKey, Object... arguments) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
		// a null argument (the value that was missing) must not turn bad input into a
		// failure
		this.arguments = java.util.Collections.unmodifiableList(java.util.Arrays.asList(arguments.clone()));
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
