package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.RuleViolationException;

/**
 * Who may decide which discipline form (Statute Art. 36), read from the rule book's
 * editable table {@code discipline.authority.<body>.<standing>}: a refused decision names
 * the rule and its source.
 */
@Component
public class DisciplineAuthority {

	static final String PREFIX = "discipline.authority.";

	private final RuleBook rules;

	DisciplineAuthority(RuleBook rules) {
		this.rules = rules;
	}

	/** What is asked: which body, about whom, for what, which form, on which date. */
	public record Question(DecidingBody body, SubjectKind subject, SubjectStanding standing, ViolationArea area,
			DisciplineForm form, boolean delegatedAdmission, LocalDate on) {
	}

	/** The forms the body may decide for this standing on the date. */
	public Set<DisciplineForm> allowed(Question q) {
		SubjectStanding standing = q.subject() == SubjectKind.ORGANIZATION ? SubjectStanding.ORGANIZATION
				: q.standing();
		Set<DisciplineForm> forms = forms(rule(q.body(), standing, q.on()));
		if (q.delegatedAdmission() && standing != SubjectStanding.OWN_COMMITTEE_MEMBER
				&& standing != SubjectStanding.HIGHER_MANAGED_CADRE && standing != SubjectStanding.ORGANIZATION) {
			this.rules.inForce(PREFIX + q.body() + ".delegated", q.on()).ifPresent((r) -> forms.addAll(forms(r)));
		}
		return forms;
	}

	/**
	 * Refuses the decision when the form does not fit the subject or the body lacks the
	 * authority, naming the rule.
	 */
	public void check(Question q) {
		if (!DisciplineForm.forSubject(q.subject()).contains(q.form())) {
			throw new RuleViolationException("error.discipline.form-not-allowed", q.form(), q.subject(),
					"Quy định 69-QĐ/TW, Điều 7");
		}
		Rule rule = rule(q.body(),
				q.subject() == SubjectKind.ORGANIZATION ? SubjectStanding.ORGANIZATION : q.standing(), q.on());
		if (!allowed(q).contains(q.form())) {
			if (q.form() == DisciplineForm.GIAI_TAN && q.body().upper()) {
				throw new RuleViolationException("error.discipline.dissolution-upward",
						rule == null ? PREFIX + q.body() + ".ORGANIZATION" : rule.key(), source(rule));
			}
			throw new RuleViolationException("error.discipline.authority", q.body(), q.form(),
					rule == null ? PREFIX + q.body() + "." + q.standing() : rule.key(), source(rule));
		}
		if (q.body() == DecidingBody.CELL && q.subject() != SubjectKind.ORGANIZATION) {
			Rule areas = this.rules.inForce(PREFIX + "CELL.areas", q.on()).orElse(null);
			if (areas != null
					&& (q.area() == null || !Arrays.asList(areas.value().split(",\\s*")).contains(q.area().name()))) {
				throw new RuleViolationException("error.discipline.authority-area", q.area(), areas.key(),
						areas.sourceDocument());
			}
		}
	}

	/**
	 * The rule for a body and standing; a member standing without its own row falls back
	 * to the body's MEMBER row. Null when the table has nothing (no authority).
	 */
	private Rule rule(DecidingBody body, SubjectStanding standing, LocalDate on) {
		Rule rule = this.rules.inForce(PREFIX + body + "." + standing, on).orElse(null);
		if (rule == null && standing != SubjectStanding.ORGANIZATION) {
			rule = this.rules.inForce(PREFIX + body + ".MEMBER", on).orElse(null);
		}
		return rule;
	}

	private static Set<DisciplineForm> forms(Rule rule) {
		Set<DisciplineForm> forms = EnumSet.noneOf(DisciplineForm.class);
		if (rule == null) {
			return forms;
		}
		for (String part : rule.value().split(",")) {
			String name = part.strip();
			if (!name.isEmpty() && !"NONE".equals(name)) {
				forms.add(DisciplineForm.valueOf(name));
			}
		}
		return forms;
	}

	private static String source(Rule rule) {
		return rule == null ? "Điều lệ Đảng 2011, Điều 36" : rule.sourceDocument();
	}

}
