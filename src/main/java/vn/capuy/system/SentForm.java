package vn.capuy.system;

import java.util.Map;
import java.util.Objects;

/**
 * A form sent back to its page after a refusal: which form it was, the values the user
 * typed, the field at fault (null when the refusal concerns no single field) and the
 * message, so the page shows the form again as typed with the message next to the field.
 * Pages with no refused form get {@link #NONE}.
 */
public record SentForm(String form, Map<String, String> values, String field, String message) {

	public static final SentForm NONE = new SentForm(null, Map.of(), null, null);

	/** The model attribute under which pages find it. */
	public static final String ATTRIBUTE = "sent";

	/** Whether this form was sent and refused. */
	public boolean failed(String name) {
		return name.equals(this.form);
	}

	/** The value typed in the input when this form was refused, else the fallback. */
	public String value(String name, String input, Object fallback) {
		if (failed(name) && this.values.containsKey(input)) {
			return this.values.get(input);
		}
		return fallback == null ? "" : fallback.toString();
	}

	/** Whether the option was the one chosen when this form was refused. */
	public boolean chosen(String name, String input, Object option) {
		return failed(name) && Objects.equals(this.values.get(input), String.valueOf(option));
	}

	/** Whether the refusal of this form names this field. */
	public boolean error(String name, String field) {
		return failed(name) && field.equals(this.field);
	}

	/**
	 * Whether the refusal of this form names no field shown in it (a rule, or a field the
	 * form does not hold): the message then stands at the top of the form.
	 */
	public boolean formError(String name) {
		return failed(name) && (this.field == null || !this.values.containsKey(this.field));
	}

}
