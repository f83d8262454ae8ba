package vn.capuy.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;

/**
 * The second factor's pages: the code after the password, the enrolment of administrators
 * and inspection staff, and the administrator's reset.
 */
@Controller
class SecondFactorController {

	static final String PENDING = SecondFactorController.class.getName() + ".PENDING";

	private final SecondFactor secondFactor;

	private final Messages messages;

	SecondFactorController(SecondFactor secondFactor, Messages messages) {
		this.secondFactor = secondFactor;
		this.messages = messages;
	}

	@GetMapping(SecondFactorFilter.PAGE)
	String codePage() {
		return "identity/totp-verify";
	}

	@PostMapping(SecondFactorFilter.PAGE)
	String code(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
		CurrentUser user = CurrentUser.get();
		try {
			this.secondFactor.verify(user.username(), code);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", this.messages.describe(ex));
			return "identity/totp-verify";
		}
		catch (RuleViolationException ex) {
			// locked after too many wrong codes: the session ends
			request.getSession().invalidate();
			return "redirect:/login?error";
		}
		request.changeSessionId();
		request.getSession().setAttribute(SecondFactorFilter.VERIFIED, user.username());
		return "redirect:/";
	}

	@GetMapping("/account/totp")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'INSPECTION')")
	String enrolPage(HttpSession session, Model model) {
		CurrentUser user = CurrentUser.get();
		boolean enabled = this.secondFactor.enabled(user.username());
		model.addAttribute("enabled", enabled);
		if (!enabled) {
			byte[] secret = (byte[]) session.getAttribute(PENDING);
			if (secret == null) {
				secret = Totp.newSecret();
				session.setAttribute(PENDING, secret);
			}
			model.addAttribute("uri", this.secondFactor.uri(user.username(), secret));
			model.addAttribute("secret", Totp.base32(secret).replaceAll("(.{4})(?=.)", "$1 "));
		}
		return "identity/totp-enrol";
	}

	@PostMapping("/account/totp")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'INSPECTION')")
	String enrol(@RequestParam(required = false) String code, HttpSession session, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.get();
		byte[] secret = (byte[]) session.getAttribute(PENDING);
		if (secret == null) {
			return "redirect:/account/totp";
		}
		try {
			this.secondFactor.enrol(user, secret, code);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
			return "redirect:/account/totp";
		}
		session.removeAttribute(PENDING);
		session.setAttribute(SecondFactorFilter.VERIFIED, user.username());
		redirect.addFlashAttribute("done", "totp.done.enrolled");
		return "redirect:/account/totp";
	}

	@PostMapping("/admin/users/{id}/totp/reset")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String reset(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			this.secondFactor.reset(CurrentUser.get(), id, reason);
			redirect.addFlashAttribute("done", "totp.done.reset");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:/admin/users";
	}

}
