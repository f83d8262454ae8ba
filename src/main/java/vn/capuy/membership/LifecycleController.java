package vn.capuy.membership;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.PartyDates;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Pages of the member lifecycle: the admission deadline board and a candidate's file with
 * its checklist and next step, the transfer registers and letters, the register book, the
 * phiếu đảng viên, badges, imports with progress, exports and statistical forms.
 */
@Controller
class LifecycleController {

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Admissions admissions;

	private final Transfers transfers;

	private final RegisterBook registerBook;

	private final MemberLifecycle lifecycle;

	private final Badges badges;

	private final MemberImports imports;

	private final MemberStatistics statistics;

	private final Messages messages;

	private final Today today;

	LifecycleController(Admissions admissions, Transfers transfers, RegisterBook registerBook,
			MemberLifecycle lifecycle, Badges badges, MemberImports imports, MemberStatistics statistics,
			Messages messages, Today today) {
		this.admissions = admissions;
		this.transfers = transfers;
		this.registerBook = registerBook;
		this.lifecycle = lifecycle;
		this.badges = badges;
		this.imports = imports;
		this.statistics = statistics;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/admissions")
	String board(@RequestParam(required = false) AdmissionState state,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CurrentUser user = CurrentUser.get();
		List<Admissions.BoardItem> items = this.admissions.board(user.scope());
		if (state != null) {
			items = items.stream().filter((i) -> i.state() == state).toList();
		}
		model.addAttribute("items", items);
		model.addAttribute("state", state);
		model.addAttribute("states", AdmissionState.values());
		model.addAttribute("today", this.today.date());
		return htmx != null ? "lifecycle/board :: results" : "lifecycle/board";
	}

	@GetMapping("/admissions/{id}")
	String candidate(@PathVariable long id, Model model) {
		Admission a = this.admissions.get(CurrentUser.get(), id);
		model.addAttribute("a", a);
		model.addAttribute("next", this.admissions.nextDeadline(a));
		model.addAttribute("today", this.today.date());
		return "lifecycle/admission";
	}

	@PostMapping("/admissions/{id}/transitions")
	String transition(@PathVariable long id, @RequestParam AdmissionState target,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String decisionRef, @RequestParam(required = false) boolean extended,
			@RequestParam(required = false) String lateConsent, @RequestParam(required = false) String partyCardNumber,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.admissions.transition(CurrentUser.get(), id, new Admissions.TransitionRequest(target, date,
					decisionRef, extended, lateConsent, partyCardNumber, null));
			redirect.addFlashAttribute("done", "admission.done.transition");
			return "redirect:/admissions/" + id;
		}
		catch (InvalidInputException | RuleViolationException ex) {
			response.setStatus(ex instanceof InvalidInputException ? 400 : 409);
			model.addAttribute("error", ex instanceof InvalidInputException ie ? this.messages.describe(ie)
					: this.messages.describe((RuleViolationException) ex));
			return candidate(id, model);
		}
	}

	@PostMapping("/admissions/{id}/forms")
	String attach(@PathVariable long id, @RequestParam String form,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String reference) {
		this.admissions.attach(CurrentUser.get(), id, AdmissionForm.of(form), date, reference);
		return "redirect:/admissions/" + id;
	}

	@GetMapping("/transfers")
	String transfers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate t = to != null ? to : this.today.date();
		LocalDate f = from != null ? from : t.withDayOfYear(1);
		model.addAttribute("outgoing", this.transfers.outgoing(CurrentUser.get().scope(), f, t));
		model.addAttribute("incoming", this.transfers.incoming(CurrentUser.get().scope(), f, t));
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		return "lifecycle/transfers";
	}

	@GetMapping("/transfers/{id}/letter.docx")
	ResponseEntity<byte[]> letter(@PathVariable long id) {
		return download(this.transfers.letter(CurrentUser.get(), id), "giay-gioi-thieu-" + id + ".docx", DOCX);
	}

	@GetMapping("/members/{id}/phieu-dang-vien.docx")
	ResponseEntity<byte[]> memberCard(@PathVariable long id) {
		return download(this.lifecycle.memberCard(CurrentUser.get(), id), "phieu-dang-vien-" + id + ".docx", DOCX);
	}

	@GetMapping("/members/{id}/yearly-update")
	String yearly(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		int y = year != null ? year : this.today.date().getYear();
		model.addAttribute("memberId", id);
		model.addAttribute("year", y);
		model.addAttribute("changes", this.lifecycle.changesInYear(CurrentUser.get(), id, y));
		return "lifecycle/yearly";
	}

	@GetMapping("/organizations/{id}/register-book")
	String book(@PathVariable long id, Model model) {
		model.addAttribute("lines", this.registerBook.book(CurrentUser.get(), id));
		model.addAttribute("organizationId", id);
		return "lifecycle/book";
	}

	@GetMapping("/badges")
	String badges(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long organizationId,
			Model model) {
		int y = year != null ? year : this.today.date().getYear();
		model.addAttribute("year", y);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("due", this.badges.due(CurrentUser.get(), organizationId, y));
		return "lifecycle/badges";
	}

	@GetMapping("/badges.xlsx")
	ResponseEntity<byte[]> badgesXlsx(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long organizationId) {
		int y = year != null ? year : this.today.date().getYear();
		List<String> headers = new ArrayList<>();
		for (String k : new String[] { "common.row", "field.fullName", "field.organizationId", "badge.years",
				"badge.reaches", "badge.presented", "badge.early" }) {
			headers.add(this.messages.get(k));
		}
		return download(this.badges.xlsx(this.badges.due(CurrentUser.get(), organizationId, y), headers),
				"huy-hieu-" + y + ".xlsx", XLSX);
	}

	@GetMapping("/imports")
	String importForm(Model model) {
		model.addAttribute("layouts", this.imports.layouts());
		model.addAttribute("fields", ImportField.values());
		return "lifecycle/import";
	}

	private Map<Integer, ImportField> chosen(Long layoutId) {
		return layoutId == null ? null : this.imports.layout(layoutId).mapping();
	}

	@PostMapping("/imports")
	String startImport(@RequestParam("file") MultipartFile file, @RequestParam(required = false) boolean perRow,
			@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Long layoutId,
			Model model, HttpServletResponse response) throws IOException {
		try {
			long id = this.imports.start(CurrentUser.get(), file.getOriginalFilename(), file.getBytes(),
					chosen(layoutId), perRow, organizationId);
			return "redirect:/imports/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("error", this.messages.describe(ex));
			return importForm(model);
		}
	}

	@PostMapping("/imports/preview")
	String preview(@RequestParam("file") MultipartFile file, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Long layoutId, Model model, HttpServletResponse response)
			throws IOException {
		try {
			model.addAttribute("preview", this.imports.preview(CurrentUser.get(), file.getOriginalFilename(),
					file.getBytes(), chosen(layoutId), organizationId));
			model.addAttribute("layoutId", layoutId);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("error", this.messages.describe(ex));
		}
		return importForm(model);
	}

	@GetMapping("/imports/layouts/{id}")
	String layout(@PathVariable long id, Model model) {
		MemberImports.Layout layout = this.imports.layout(id);
		model.addAttribute("layout", layout);
		model.addAttribute("fields", ImportField.values());
		if (!model.containsAttribute("mapping")) {
			model.addAttribute("mapping", layout.mapping());
			model.addAttribute("name", layout.name());
		}
		return "lifecycle/layout";
	}

	@PostMapping("/imports/layouts/{id}")
	String saveLayout(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MemberImports.Layout layout = this.imports.layout(id);
		Map<Integer, ImportField> mapping = new java.util.LinkedHashMap<>();
		for (int i = 0; i < layout.headers().size(); i++) {
			String f = form.get("col" + i);
			if (f != null && !f.isBlank()) {
				try {
					mapping.put(i, ImportField.valueOf(f));
				}
				catch (IllegalArgumentException ex) {
					mapping.clear();
					break;
				}
			}
		}
		try {
			this.imports.updateLayout(CurrentUser.get(), id, form.get("name"), mapping);
			redirect.addFlashAttribute("done", "import.done.layout-saved");
			return "redirect:/imports/layouts/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("error", this.messages.describe(ex));
			model.addAttribute("errorField", ex.field());
			model.addAttribute("fieldMessage", this.messages.get(ex.messageKey(), ex.arguments()));
			model.addAttribute("mapping", mapping);
			model.addAttribute("name", form.get("name"));
			return layout(id, model);
		}
	}

	@GetMapping("/imports/{id}")
	String importProgress(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("p", this.imports.progress(CurrentUser.get(), id));
		return htmx != null ? "lifecycle/progress :: progress" : "lifecycle/progress";
	}

	@GetMapping("/imports/{id}/errors.csv")
	ResponseEntity<byte[]> importErrors(@PathVariable long id) {
		return download(this.imports.errorReport(CurrentUser.get(), id), "import-" + id + "-errors.csv",
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
	}

	@GetMapping("/members/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Long layoutId, @RequestParam(defaultValue = "xlsx") String format) {
		boolean xlsx = !"csv".equals(format);
		return download(this.imports.export(CurrentUser.get(), organizationId, layoutId, xlsx),
				"dang-vien." + (xlsx ? "xlsx" : "csv"),
				xlsx ? XLSX : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
	}

	@GetMapping("/statistics")
	String statistics(@RequestParam(defaultValue = "BIEU_1") String form,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId, Model model) {
		LocalDate t = to != null ? to : this.today.date();
		LocalDate f = from != null ? from : t.withDayOfYear(1);
		model.addAttribute("form", form);
		model.addAttribute("forms", this.statistics.formCodes());
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("lines", this.statistics.form(CurrentUser.get(), form, organizationId, f, t));
		return "lifecycle/statistics";
	}

	@GetMapping("/statistics.xlsx")
	ResponseEntity<byte[]> statisticsXlsx(@RequestParam(defaultValue = "BIEU_1") String form,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId) {
		List<List<String>> rows = new ArrayList<>();
		for (MemberStatistics.Line l : this.statistics.form(CurrentUser.get(), form, organizationId, from, to)) {
			rows.add(List.of(String.valueOf(l.position()), l.label(), String.valueOf(l.value())));
		}
		List<String> headers = List.of(this.messages.get("common.row"), this.messages.get("statistics.indicator"),
				this.messages.get("statistics.value", PartyDates.shortForm(from), PartyDates.shortForm(to)));
		return download(MemberImports.xlsx(headers, rows), form.toLowerCase(java.util.Locale.ROOT) + ".xlsx", XLSX);
	}

	private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(type)
			.body(body);
	}

}
