package vn.capuy.rulebook;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;

/**
 * The rule book page: every rule with its versions and sources; administrators amend a
 * rule from a date.
 */
@Controller
class RuleController {

	private final RuleBook rules;

	private final Messages messages;

	RuleController(RuleBook rules, Messages messages) {
		this.rules = rules;
		this.messages = messages;
	}

	@GetMapping("/rules")
	String list(Model model) {
		model.addAttribute("rules", this.rules.all());
		return "rulebook/rules";
	}

	@GetMapping("/api/v1/rules")
	@ResponseBody
	java.util.Map<String, Object> api() {
		var all = this.rules.all();
		return java.util.Map.of("items", all, "total", all.size());
	}

	@GetMapping("/rules/{id}/amend")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String amendForm(@PathVariable long id, Model model) {
		model.addAttribute("rule", this.rules.get(id));
		return "rulebook/amend";
	}

	@PostMapping("/rules/{id}/amend")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String amend(@PathVariable long id, @RequestParam String value,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam String sourceDocument, @RequestParam String confidence,
			@RequestParam(required = false) String note, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Rule rule = this.rules.get(id);
		try {
			this.rules.amend(rule.key(), value, validFrom, sourceDocument, confidence, note,
					CurrentUser.get().username());
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("rule", rule);
			model.addAttribute("error", this.messages.describe(ex));
			return "rulebook/amend";
		}
		catch (RuleViolationException ex) {
			response.setStatus(409);
			model.addAttribute("rule", rule);
			model.addAttribute("error", this.messages.describe(ex));
			return "rulebook/amend";
		}
		redirect.addFlashAttribute("done", "rules.done.amended");
		return "redirect:/rules#" + rule.key();
	}

}
