package vn.capuy.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.HomeAlert;
import vn.capuy.system.Page;
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

	/** Alerts on the home page; the rest are on the alerts page. */
	static final int HOME_ALERTS = 20;

	/** Alerts per page of the alerts page. */
	static final int ALERTS_PAGE = 100;

	@GetMapping("/")
	String home(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		HomeFigures.Figures f = this.figures.on(CurrentUser.get(), date);
		model.addAttribute("figures", f);
		model.addAttribute("asOf", date);
		addAlerts(model, f, 0, HOME_ALERTS);
		return "report/home";
	}

	/** Every alert of the scope on the date, a page at a time, printable. */
	@GetMapping("/alerts")
	String alerts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer page, Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		int p = Page.page(page);
		HomeFigures.Figures f = this.figures.on(CurrentUser.get(), date);
		model.addAttribute("figures", f);
		model.addAttribute("asOf", date);
		addAlerts(model, f, (long) p * ALERTS_PAGE, ALERTS_PAGE);
		int total = f.alerts().size() + f.moduleAlerts().size();
		model.addAttribute("result", new Page<>(List.of(), total, p, ALERTS_PAGE, true));
		return "report/alerts";
	}

	/**
	 * The alerts from {@code offset}, at most {@code limit}: the modules' alerts (by
	 * severity and due date) first, then the tree's rule flags.
	 */
	private static void addAlerts(Model model, HomeFigures.Figures f, long offset, int limit) {
		List<HomeAlert> module = f.moduleAlerts();
		List<HomeFigures.Alert> flags = f.alerts();
		int from = (int) Math.min(offset, module.size());
		int to = (int) Math.min(offset + limit, module.size());
		List<HomeAlert> shownModule = module.subList(from, to);
		long flagOffset = Math.max(0, offset - module.size());
		int flagFrom = (int) Math.min(flagOffset, flags.size());
		int flagTo = (int) Math.min(flagOffset + (limit - shownModule.size()), flags.size());
		List<HomeFigures.Alert> shownFlags = flags.subList(flagFrom, flagTo);
		model.addAttribute("shownModuleAlerts", shownModule);
		model.addAttribute("shownAlerts", shownFlags);
		model.addAttribute("alertCount", module.size() + flags.size());
		model.addAttribute("alertsShown", shownModule.size() + shownFlags.size());
	}

	@GetMapping("/api/v1/dashboard")
	@ResponseBody
	Map<String, Object> dashboard(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		HomeFigures.Figures f = this.figures.on(CurrentUser.get(), date);
		return Map.of("date", date, "organizations", f.organizations(), "organizationsByType", f.organizationsByType(),
				"members",
				Map.of("full", f.members().full(), "probationary", f.members().probationary(), "exempt",
						f.members().exempt()),
				"alerts", f.alerts().size() + f.moduleAlerts().size(), "ruleFlags", f.alerts().size());
	}

}
