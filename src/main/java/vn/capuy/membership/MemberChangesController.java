package vn.capuy.membership;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * The member's changes page, reached from the member's file: start and complete
 * transfers, exempt and end an exemption, end membership and open a readmission file.
 * Each form posts to its own handler; a refused input re-renders the page with the
 * message next to the field and the values as typed.
 */
@Controller
class MemberChangesController {

	private final Members members;

	private final Transfers transfers;

	private final MemberLifecycle lifecycle;

	private final OrganizationTree tree;

	private final Messages messages;

	private final Today today;

	MemberChangesController(Members members, Transfers transfers, MemberLifecycle lifecycle, OrganizationTree tree,
			Messages messages, Today today) {
		this.members = members;
		this.transfers = transfers;
		this.lifecycle = lifecycle;
		this.tree = tree;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/members/{id}/changes")
	String page(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		MemberFile file = this.members.get(user, id);
		LocalDate d = this.today.date();
		model.addAttribute("m", file);
		model.addAttribute("today", d);
		model.addAttribute("memberTransfers", this.transfers.ofMember(user, id));
		model.addAttribute("exemptions", this.lifecycle.exemptions(user, id));
		model.addAttribute("kinds",
				List.of(TransferKind.CHINH_THUC, TransferKind.TAM_THOI, TransferKind.NOI_BO, TransferKind.NUOC_NGOAI));
		model.addAttribute("exemptionKinds", MemberLifecycle.ExemptionKind.values());
		model.addAttribute("endReasons", MembershipEndReason.values());
		List<Organization> cells = this.tree.list(user, d)
			.stream()
			.filter((o) -> o.type().isCell())
			.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
		model.addAttribute("cells", cells);
		Long last = file.placements().isEmpty() ? null
				: file.placements().get(file.placements().size() - 1).organizationId();
		model.addAttribute("lastCell", last);
		model.addAttribute("helpers",
				last == null ? List.of()
						: this.members
							.search(user, new Members.Query(null, last, MemberStatus.FULL, d, 0, Page.size(200)))
							.items());
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of());
			model.addAttribute("failed", "");
		}
		return "lifecycle/changes";
	}

	@PostMapping("/members/{id}/transfers")
	String startTransfer(@PathVariable long id, @RequestParam Map<String, String> p, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return attempt(id, "transfer", p, model, response, redirect, "lifecycle.done.transfer", () -> {
			String kind = text(p, "kind");
			this.transfers.start(CurrentUser.get(),
					new Transfers.NewTransfer(id, kind == null ? null : kind(kind), number(p, "toOrganizationId"),
							text(p, "destination"), date(p, "causeDate"), date(p, "startedOn"), text(p, "letterNumber"),
							date(p, "letterIssuedOn"), date(p, "endDate"), month(p, "feesPaidTo"),
							text(p, "decisionRef"), text(p, "note")));
		});
	}

	@PostMapping("/members/{id}/transfers/{transferId}/receive")
	String receive(@PathVariable long id, @PathVariable long transferId, @RequestParam Map<String, String> p,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return attempt(id, "receive-" + transferId, p, model, response, redirect, "lifecycle.done.received",
				() -> this.transfers.receive(CurrentUser.get(), ownTransfer(id, transferId), date(p, "presentedOn")));
	}

	@PostMapping("/members/{id}/transfers/{transferId}/return")
	String returned(@PathVariable long id, @PathVariable long transferId, @RequestParam Map<String, String> p,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return attempt(id, "return-" + transferId, p, model, response, redirect, "lifecycle.done.returned",
				() -> this.transfers.returned(CurrentUser.get(), ownTransfer(id, transferId), date(p, "returnedOn")));
	}

	@PostMapping("/members/{id}/exemptions")
	String exempt(@PathVariable long id, @RequestParam Map<String, String> p, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt(id, "exemption", p, model, response, redirect, "lifecycle.done.exempted", () -> {
			String kind = text(p, "kind");
			MemberLifecycle.ExemptionKind k;
			try {
				k = kind == null ? null : MemberLifecycle.ExemptionKind.valueOf(kind);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("kind", "error.value.format", kind);
			}
			this.lifecycle.exempt(CurrentUser.get(), id, k, date(p, "validFrom"), date(p, "validTo"), text(p, "reason"),
					text(p, "decisionRef"));
		});
	}

	@PostMapping("/members/{id}/exemptions/{exemptionId}/end")
	String endExemption(@PathVariable long id, @PathVariable long exemptionId, @RequestParam Map<String, String> p,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return attempt(id, "end-exemption-" + exemptionId, p, model, response, redirect,
				"lifecycle.done.exemption-ended", () -> {
					if (this.lifecycle.exemptions(CurrentUser.get(), id)
						.stream()
						.noneMatch((e) -> e.id() == exemptionId)) {
						throw new vn.capuy.system.NotFoundException("exemption " + exemptionId);
					}
					this.lifecycle.endExemption(CurrentUser.get(), exemptionId, date(p, "validTo"),
							text(p, "decisionRef"));
				});
	}

	@PostMapping("/members/{id}/end")
	String end(@PathVariable long id, @RequestParam Map<String, String> p, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt(id, "end", p, model, response, redirect, "lifecycle.done.ended", () -> {
			String reason = text(p, "endReason");
			MembershipEndReason r;
			try {
				r = reason == null ? null : MembershipEndReason.valueOf(reason);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("endReason", "error.value.format", reason);
			}
			if (r == null) {
				throw new InvalidInputException("endReason", "error.required");
			}
			this.lifecycle.end(CurrentUser.get(), id, r, date(p, "date"), text(p, "decisionRef"), text(p, "note"));
		});
	}

	@PostMapping("/members/{id}/readmission")
	String readmit(@PathVariable long id, @RequestParam Map<String, String> p, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		long[] file = new long[1];
		String view = attempt(id, "readmission", p, model, response, redirect, "lifecycle.done.readmission", () -> {
			Long cell = number(p, "organizationId");
			if (cell == null) {
				throw new InvalidInputException("organizationId", "error.required");
			}
			file[0] = this.lifecycle.readmit(CurrentUser.get(),
					new MemberLifecycle.Readmission(id, cell, number(p, "helperMemberId"), date(p, "considerOn"),
							p.getOrDefault("provincialConsentRef", ""), "true".equals(p.get("clearedCriminalRecord"))));
		});
		return file[0] > 0 ? "redirect:/admissions/" + file[0] : view;
	}

	private long ownTransfer(long memberId, long transferId) {
		Transfers.Row r = this.transfers.get(CurrentUser.get(), transferId);
		if (r.memberId() != memberId) {
			throw new vn.capuy.system.NotFoundException("transfer " + transferId);
		}
		return transferId;
	}

	private String attempt(long id, String form, Map<String, String> p, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
			return "redirect:/members/" + id + "/changes";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("error", this.messages.describe(ex));
			model.addAttribute("errorField", ex.field());
			model.addAttribute("fieldMessage", this.messages.get(ex.messageKey(), ex.arguments()));
		}
		catch (RuleViolationException ex) {
			response.setStatus(409);
			model.addAttribute("error", this.messages.describe(ex));
			model.addAttribute("errorField", "");
		}
		Map<String, String> values = new HashMap<>(p);
		values.remove("_csrf");
		model.addAttribute("values", values);
		model.addAttribute("failed", form);
		return page(id, model);
	}

	private static TransferKind kind(String raw) {
		try {
			TransferKind k = TransferKind.valueOf(raw);
			if (k == TransferKind.TAP_THE) {
				throw new InvalidInputException("kind", "transfer.error.kind");
			}
			return k;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "error.value.format", raw);
		}
	}

	static String text(Map<String, String> p, String field) {
		String v = p.get(field);
		return v == null || v.isBlank() ? null : v.strip();
	}

	static LocalDate date(Map<String, String> p, String field) {
		String v = text(p, field);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "error.value.format", v);
		}
	}

	static LocalDate month(Map<String, String> p, String field) {
		String v = text(p, field);
		if (v == null) {
			return null;
		}
		try {
			return YearMonth.parse(v).atDay(1);
		}
		catch (DateTimeParseException ex) {
			return date(p, field);
		}
	}

	static Long number(Map<String, String> p, String field) {
		String v = text(p, field);
		if (v == null) {
			return null;
		}
		try {
			return Long.valueOf(v);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "error.value.format", v);
		}
	}

}
