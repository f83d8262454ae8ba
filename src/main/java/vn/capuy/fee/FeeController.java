package vn.capuy.fee;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Pages of party fees: the month's ledger of an organisation with payments, and the
 * year's remittance report with reconciliation. One handler serves the page and its htmx
 * fragment.
 */
@Controller
class FeeController {

	private final Fees fees;

	private final Remittances remittances;

	private final OrganizationTree tree;

	private final Messages messages;

	private final Today today;

	FeeController(Fees fees, Remittances remittances, OrganizationTree tree, Messages messages, Today today) {
		this.fees = fees;
		this.remittances = remittances;
		this.tree = tree;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/fees")
	String ledger(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) String month,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CurrentUser user = CurrentUser.get();
		long org = FeeApi.organization(user, organizationId, this.tree, this.today);
		YearMonth m = FeeApi.month(month, this.today.date());
		List<Fees.Line> lines = this.fees.ledger(user, org, m);
		model.addAttribute("organizationId", org);
		model.addAttribute("month", m.toString());
		model.addAttribute("lines", lines);
		model.addAttribute("totalDue", lines.stream().mapToLong(Fees.Line::due).sum());
		model.addAttribute("totalPaid", lines.stream().mapToLong(Fees.Line::paid).sum());
		model.addAttribute("totalArrears", lines.stream().mapToLong(Fees.Line::arrears).sum());
		model.addAttribute("flagged", lines.stream().filter(Fees.Line::removalFlag).count());
		model.addAttribute("organizations", organizations(user, m.atDay(1)));
		model.addAttribute("today", this.today.date());
		return htmx != null ? "fee/ledger :: results" : "fee/ledger";
	}

	@PostMapping("/fees/open")
	String open(@RequestParam long organizationId, @RequestParam String month, RedirectAttributes redirect) {
		String back = "/fees?organizationId=" + organizationId + "&month=" + month;
		try {
			int n = this.fees.openMonth(CurrentUser.get(), organizationId, FeeApi.month(month, this.today.date()));
			redirect.addFlashAttribute("done", this.messages.get("fee.opened", n));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:" + back;
	}

	@PostMapping("/fees/pay")
	String pay(@RequestParam long organizationId, @RequestParam long memberId, @RequestParam String month,
			@RequestParam long amount, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			RedirectAttributes redirect) {
		String back = "/fees?organizationId=" + organizationId + "&month=" + month;
		try {
			this.fees.pay(CurrentUser.get(), memberId, FeeApi.month(month, this.today.date()), amount, paidOn, "CASH",
					null);
			redirect.addFlashAttribute("done", this.messages.get("fee.paid-recorded"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:" + back;
	}

	@GetMapping("/fees/remittance")
	String remittance(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Integer year,
			Model model) {
		CurrentUser user = CurrentUser.get();
		long org = FeeApi.organization(user, organizationId, this.tree, this.today);
		int y = year != null ? year : this.today.date().getYear();
		model.addAttribute("report", this.remittances.report(user, org, y, null));
		model.addAttribute("recorded", this.remittances.recorded(user, org, y));
		model.addAttribute("today", this.today.date());
		model.addAttribute("lastMonth", YearMonth.from(this.today.date()).minusMonths(1).toString());
		model.addAttribute("organizationId", org);
		model.addAttribute("year", y);
		model.addAttribute("organizations", organizations(user, this.today.date()));
		return "fee/remittance";
	}

	@PostMapping("/fees/remittance")
	String recordRemittance(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate remittedOn,
			@RequestParam(required = false) String reference, @RequestParam(required = false) Long reportOrganizationId,
			@RequestParam(required = false) Integer year, RedirectAttributes redirect) {
		StringBuilder back = new StringBuilder("/fees/remittance");
		String sep = "?";
		if (reportOrganizationId != null) {
			back.append(sep).append("organizationId=").append(reportOrganizationId);
			sep = "&";
		}
		if (year != null) {
			back.append(sep).append("year=").append(year);
		}
		try {
			if (month == null || month.isBlank()) {
				throw new InvalidInputException("month", "error.required");
			}
			YearMonth m = FeeApi.month(month, this.today.date());
			this.remittances.record(CurrentUser.get(), organizationId, m, Remittances.parseAmount(amount), remittedOn,
					reference);
			redirect.addFlashAttribute("done", this.messages.get("fee.remittance.recorded", m.toString()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:" + back;
	}

	private List<Organization> organizations(CurrentUser user, LocalDate date) {
		return this.tree.list(user, date)
			.stream()
			.sorted(java.util.Comparator.comparing(Organization::name, VietnameseText.collator()))
			.toList();
	}

}
