package vn.capuy.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Page;
import vn.capuy.system.Today;

/**
 * Directives, plans, tasks and periodic reports over JSON, with the same scope and rules
 * as the pages.
 */
@RestController
@RequestMapping("/api/v1")
class DirectiveApi {

	private final Directives directives;

	private final ProgressReports reports;

	private final PlanDashboard dashboard;

	private final Today today;

	DirectiveApi(Directives directives, ProgressReports reports, PlanDashboard dashboard, Today today) {
		this.directives = directives;
		this.reports = reports;
		this.dashboard = dashboard;
		this.today = today;
	}

	@GetMapping("/directives")
	Page<Directives.DirectiveRow> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.directives.list(CurrentUser.get(), q, Page.page(page), Page.size(size));
	}

	@PostMapping("/directives")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> record(@RequestBody Directives.NewDirective input) {
		return Map.of("id", this.directives.record(CurrentUser.get(), input));
	}

	@GetMapping("/directives/{id}")
	Map<String, Object> get(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		return Map.of("directive", this.directives.get(user, id), "plans", this.directives.plans(user, id));
	}

	/**
	 * Optionally the register entry to link; without it, the one matching symbol and
	 * date.
	 */
	record LinkRequest(Long documentId) {
	}

	@PostMapping("/directives/{id}/document")
	Map<String, Object> link(@PathVariable long id, @RequestBody(required = false) LinkRequest input) {
		CurrentUser user = CurrentUser.get();
		this.directives.link(user, id, input == null ? null : input.documentId());
		return Map.of("directive", this.directives.get(user, id));
	}

	@PostMapping("/directives/{id}/plans")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> createPlan(@PathVariable long id, @RequestBody Directives.NewPlan input) {
		return Map.of("id", this.directives.createPlan(CurrentUser.get(), id, input));
	}

	@GetMapping("/plans/{id}")
	Directives.PlanView plan(@PathVariable long id) {
		return this.directives.view(CurrentUser.get(), id);
	}

	@GetMapping("/plans/{id}/periods")
	List<Directives.Period> periods(@PathVariable long id) {
		return this.reports.periods(this.directives.plan(CurrentUser.get(), id));
	}

	@PostMapping("/plans/{id}/items")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addItem(@PathVariable long id, @RequestBody Directives.NewItem input) {
		return Map.of("id", this.directives.addItem(CurrentUser.get(), id, input));
	}

	@PostMapping("/items/{id}/indicators")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addIndicator(@PathVariable long id, @RequestBody Directives.NewIndicator input) {
		return Map.of("id", this.directives.addIndicator(CurrentUser.get(), id, input));
	}

	@PostMapping("/items/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addTask(@PathVariable long id, @RequestBody Directives.NewTask input) {
		return Map.of("id", this.directives.addTask(CurrentUser.get(), id, input));
	}

	record ProgressRequest(Integer progress, LocalDate date, Integer version) {
	}

	@PostMapping("/tasks/{id}/progress")
	Map<String, Object> progress(@PathVariable long id, @RequestBody ProgressRequest input) {
		if (input.progress() == null) {
			throw new InvalidInputException("progress", "error.required");
		}
		if (input.version() == null) {
			throw new InvalidInputException("version", "error.required");
		}
		this.directives.recordProgress(CurrentUser.get(), id, input.progress(), date(input.date()), input.version());
		return Map.of("id", id);
	}

	record OrganizationPlanRequest(Long organizationId, boolean adopted, String symbol, LocalDate issuedOn,
			String note) {
	}

	@PostMapping("/plans/{id}/organization-plans")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> organizationPlan(@PathVariable long id, @RequestBody OrganizationPlanRequest input) {
		if (input.organizationId() == null) {
			throw new InvalidInputException("organizationId", "error.required");
		}
		return Map.of("id", this.directives.recordOrganizationPlan(CurrentUser.get(), id, input.organizationId(),
				input.adopted(), input.symbol(), date(input.issuedOn()), input.note()));
	}

	@GetMapping("/plans/{id}/dashboard")
	PlanDashboard.Dashboard dashboard(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.dashboard.on(CurrentUser.get(), id, date(asOf));
	}

	// ---- periodic reports

	@GetMapping("/plans/{id}/reports")
	List<ProgressReports.Report> reports(@PathVariable long id) {
		return this.reports.list(CurrentUser.get(), id);
	}

	record OpenReport(Long organizationId, LocalDate periodStart) {
	}

	@PostMapping("/plans/{id}/reports")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> open(@PathVariable long id, @RequestBody OpenReport input) {
		if (input.organizationId() == null) {
			throw new InvalidInputException("organizationId", "error.required");
		}
		return Map.of("id", this.reports.open(CurrentUser.get(), id, input.organizationId(), input.periodStart()));
	}

	@GetMapping("/reports/{id}")
	ProgressReports.Report report(@PathVariable long id) {
		return this.reports.get(CurrentUser.get(), id);
	}

	record SaveReport(Map<Long, BigDecimal> values, Map<Long, String> texts, Integer version) {
	}

	@PutMapping("/reports/{id}")
	Map<String, Object> save(@PathVariable long id, @RequestBody SaveReport input) {
		if (input.version() == null) {
			throw new InvalidInputException("version", "error.required");
		}
		this.reports.save(CurrentUser.get(), id, input.values() == null ? Map.of() : input.values(),
				input.texts() == null ? Map.of() : input.texts(), input.version());
		return Map.of("id", id);
	}

	record Decision(LocalDate date, String comment) {
	}

	@PostMapping("/reports/{id}/submit")
	Map<String, Object> submit(@PathVariable long id, @RequestBody(required = false) Decision input) {
		this.reports.submit(CurrentUser.get(), id, date(input == null ? null : input.date()));
		return status(id);
	}

	@PostMapping("/reports/{id}/accept")
	Map<String, Object> accept(@PathVariable long id, @RequestBody(required = false) Decision input) {
		this.reports.accept(CurrentUser.get(), id, date(input == null ? null : input.date()));
		return status(id);
	}

	@PostMapping("/reports/{id}/return")
	Map<String, Object> returnReport(@PathVariable long id, @RequestBody(required = false) Decision input) {
		this.reports.returnForCorrection(CurrentUser.get(), id, date(input == null ? null : input.date()),
				input == null ? null : input.comment());
		return status(id);
	}

	private Map<String, Object> status(long id) {
		return Map.of("id", id, "status", this.reports.get(CurrentUser.get(), id).status());
	}

	private LocalDate date(LocalDate date) {
		return date != null ? date : this.today.date();
	}

}
