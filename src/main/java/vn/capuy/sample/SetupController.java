package vn.capuy.sample;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.capuy.identity.Users;
import vn.capuy.system.NotFoundException;

/**
 * The first-start page that asks for the administrator's password when there is no user
 * and no {@code CAPUY_ADMIN_PASSWORD}; gone (404) once any user exists.
 */
@Controller
class SetupController {

	private static final int MIN_PASSWORD = 12;

	private final StartupData startup;

	private final Users users;

	SetupController(StartupData startup, Users users) {
		this.startup = startup;
		this.users = users;
	}

	@GetMapping("/setup")
	String form() {
		if (this.users.anyUser()) {
			throw new NotFoundException("setup");
		}
		return "sample/setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam String password, @RequestParam String confirm, Model model) {
		if (this.users.anyUser()) {
			throw new NotFoundException("setup");
		}
		if (password.length() < MIN_PASSWORD) {
			model.addAttribute("error", "setup.error.short");
			return "sample/setup";
		}
		if (!password.equals(confirm)) {
			model.addAttribute("error", "setup.error.confirm");
			return "sample/setup";
		}
		this.startup.createAdministrator(password);
		return "redirect:/login";
	}

}
