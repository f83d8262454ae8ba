package vn.capuy.identity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrator's list of users and their grants.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UsersController {

	private final Users users;

	private final SecondFactor secondFactor;

	UsersController(Users users, SecondFactor secondFactor) {
		this.users = users;
		this.secondFactor = secondFactor;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", this.users.list());
		model.addAttribute("secondFactor", this.secondFactor.enabledUsers());
		return "identity/users";
	}

}
