package vn.capuy.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Pages of directives, plans, periodic reports and the plan dashboard (post, redirect,
 * get); a refused form comes back with the rule in Vietnamese.
 */
@Controller
class DirectiveController {

	private final Directives directives;

	private final ProgressReports reports;

	private final PlanDashboard dashboard;

	private final DirectiveScope scope;

	private final Messages messages;

	private final Today today;

	DirectiveController(Directives directives, ProgressReports reports, PlanDashboard dashboard, DirectiveScope scope,
			Messages messages, Today today) {
		this.directives = directives;
		this.reports = reports;
		this.dashboard = dashboard;
		this.scope = scope;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/directives")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("page", this.directives.list(user, q, Page.page(page), Page.DEFAULT_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("kinds", DirectiveKind.values());
		model.addAttribute("owners", this.scope.committees(user, this.today.date()));
		return "directive/list";
	}

	@PostMapping("/directives")
	String record(@RequestParam long ownerId, @RequestParam DirectiveKind kind, @RequestParam String symbol,
			@RequestParam String title, @RequestParam String issuer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) String summary, RedirectAttributes redirect) {
		return attempt(redirect, "/directives", () -> {
			long id = this.directives.record(CurrentUser.get(),
					new Directives.NewDirective(ownerId, kind, symbol, title, issuer, issuedOn, null, summary));
			return "/directives/" + id;
		});
	}

	@GetMapping("/directives/{id}")
	String directive(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Directives.Directive directive = this.directives.get(user, id);
		model.addAttribute("directive", directive);
		model.addAttribute("document", this.directives.document(user, directive).orElse(null));
		model.addAttribute("committee", this.scope.actsForCommittee(user, directive.ownerId()));
		model.addAttribute("plans", this.directives.plans(user, id));
		model.addAttribute("frequencies", Frequency.values());
		return "directive/directive";
	}

	@PostMapping("/directives/{id}/document")
	String link(@PathVariable long id, RedirectAttributes redirect) {
		return attempt(redirect, "/directives/" + id, () -> {
			this.directives.link(CurrentUser.get(), id, null);
			return "/directives/" + id;
		});
	}

	@PostMapping("/directives/{id}/plans")
	String createPlan(@PathVariable long id, @RequestParam String symbol, @RequestParam String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@RequestParam Frequency frequency, @RequestParam(required = false) String purpose,
			RedirectAttributes redirect) {
		return attempt(redirect, "/directives/" + id, () -> "/plans/" + this.directives.createPlan(CurrentUser.get(),
				id, new Directives.NewPlan(symbol, title, startsOn, startsOn, endsOn, frequency, purpose)));
	}

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Directives.PlanView view = this.directives.view(user, id);
		model.addAttribute("view", view);
		model.addAttribute("kinds", IndicatorKind.values());
		model.addAttribute("committee", this.scope.actsForCommittee(user, view.plan().ownerId()));
		model.addAttribute("today", this.today.date());
		return "directive/plan";
	}

	@PostMapping("/plans/{id}/items")
	String addItem(@PathVariable long id, @RequestParam String title,
			@RequestParam(required = false) String responsible,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@RequestParam(required = false) BigDecimal weight, RedirectAttributes redirect) {
		return attempt(redirect, "/plans/" + id, () -> {
			this.directives.addItem(CurrentUser.get(), id,
					new Directives.NewItem(title, responsible, deadline, weight));
			return "/plans/" + id;
		});
	}

	@PostMapping("/plans/{id}/indicators")
	String addIndicator(@PathVariable long id, @RequestParam long itemId, @RequestParam String name,
			@RequestParam IndicatorKind kind, @RequestParam BigDecimal target,
			@RequestParam(required = false) String unit, @RequestParam(required = false) BigDecimal weight,
			RedirectAttributes redirect) {
		return attempt(redirect, "/plans/" + id, () -> {
			this.directives.addIndicator(CurrentUser.get(), itemId,
					new Directives.NewIndicator(name, kind, target, unit, weight));
			return "/plans/" + id;
		});
	}

	@PostMapping("/plans/{id}/tasks")
	String addTask(@PathVariable long id, @RequestParam long itemId,
			@RequestParam(required = false) Long organizationId, @RequestParam String title,
			@RequestParam(required = false) String responsible,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@RequestParam(required = false) BigDecimal weight, RedirectAttributes redirect) {
		return attempt(redirect, "/plans/" + id, () -> {
			this.directives.addTask(CurrentUser.get(), itemId,
					new Directives.NewTask(organizationId, title, responsible, deadline, weight));
			return "/plans/" + id;
		});
	}

	@PostMapping("/plans/{id}/tasks/{taskId}/progress")
	String progress(@PathVariable long id, @PathVariable long taskId, @RequestParam int progress,
			@RequestParam int version, RedirectAttributes redirect) {
		return attempt(redirect, "/plans/" + id, () -> {
			this.directives.recordProgress(CurrentUser.get(), taskId, progress, this.today.date(), version);
			return "/plans/" + id;
		});
	}

	@GetMapping("/plans/{id}/reports")
	String reports(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		model.addAttribute("board", this.dashboard.on(CurrentUser.get(), id, date));
		return "directive/reports";
	}

	@PostMapping("/plans/{id}/reports")
	String open(@PathVariable long id, @RequestParam long organizationId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
			RedirectAttributes redirect) {
		return attempt(redirect, "/plans/" + id + "/reports",
				() -> "/reports/" + this.reports.open(CurrentUser.get(), id, organizationId, periodStart));
	}

	@GetMapping("/plans/{id}/dashboard")
	String dashboard(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		model.addAttribute("board", this.dashboard.on(CurrentUser.get(), id, date));
		return "directive/dashboard";
	}

	@GetMapping("/reports/{id}")
	String report(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		ProgressReports.Report report = this.reports.get(user, id);
		Directives.PlanView view = this.directives.view(user, report.planId());
		model.addAttribute("report", report);
		model.addAttribute("view", view);
		model.addAttribute("committee", this.scope.actsForCommittee(user, view.plan().ownerId()));
		model.addAttribute("today", this.today.date());
		return "directive/report";
	}

	@PostMapping("/reports/{id}")
	String save(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return attempt(redirect, "/reports/" + id, () -> {
			Map<Long, BigDecimal> values = new LinkedHashMap<>();
			Map<Long, String> texts = new LinkedHashMap<>();
			form.forEach((key, value) -> {
				if (key.startsWith("value-") && !value.isBlank()) {
					values.put(Long.valueOf(key.substring(6)), number(value));
				}
				else if (key.startsWith("text-")) {
					texts.put(Long.valueOf(key.substring(5)), value);
				}
			});
			this.reports.save(CurrentUser.get(), id, values, texts,
					Integer.parseInt(form.getOrDefault("version", "0")));
			return "/reports/" + id;
		});
	}

	@PostMapping("/reports/{id}/{action}")
	String decide(@PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		LocalDate on = date != null ? date : this.today.date();
		return attempt(redirect, "/reports/" + id, () -> {
			CurrentUser user = CurrentUser.get();
			switch (action) {
				case "submit" -> this.reports.submit(user, id, on);
				case "accept" -> this.reports.accept(user, id, on);
				case "return" -> this.reports.returnForCorrection(user, id, on, comment);
				default -> throw new vn.capuy.system.NotFoundException(action);
			}
			return "/reports/" + id;
		});
	}

	static BigDecimal number(String text) {
		try {
			return new BigDecimal(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("value", "error.value.format", text);
		}
	}

	/**
	 * Runs a form's write; on bad input or a refused rule, back to the page with the
	 * message.
	 */
	String attempt(RedirectAttributes redirect, String back, Supplier<String> write) {
		try {
			String target = write.get();
			redirect.addFlashAttribute("done", "directive.done");
			return "redirect:" + target;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
			return "redirect:" + back;
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
			return "redirect:" + back;
		}
	}

}
