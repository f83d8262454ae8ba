package vn.capuy.report;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.Today;

/**
 * The page each user lands on: their scope's figures today and the alerts.
 */
@Controller
class HomeController {

	private final HomeFigures figures;

	private final Today today;

	HomeController(HomeFigures figures, Today today) {
		this.figures = figures;
		this.today = today;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		model.addAttribute("figures", this.figures.on(CurrentUser.get(), date));
		model.addAttribute("asOf", date);
		return "report/home";
	}

	@GetMapping("/api/v1/dashboard")
	@ResponseBody
	Map<String, Object> dashboard(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		HomeFigures.Figures f = this.figures.on(CurrentUser.get(), date);
		return Map.of("date", date, "organizations", f.organizations(), "organizationsByType", f.organizationsByType(),
				"members", Map.of("full", f.members().full(), "probationary", f.members().probationary(), "exempt",
						f.members().exempt()),
				"alerts", f.alerts().size());
	}

}
