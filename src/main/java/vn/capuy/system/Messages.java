package vn.capuy.system;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves user-visible messages in the request's language (Vietnamese first), including
 * the wording of a bad input: the field's label and the rule it breaks.
 */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String key, Object... args) {
		return this.source.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** {@code "Số thẻ đảng viên: phải gồm 8 chữ số (Chỉ thị 29-CT/TW)"}. */
	public String describe(InvalidInputException ex) {
		return get("error.field", get("field." + ex.field()), get(ex.messageKey(), ex.arguments()));
	}

	public String describe(RuleViolationException ex) {
		return get(ex.messageKey(), ex.arguments());
	}

}
