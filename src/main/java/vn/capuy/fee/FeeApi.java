package vn.capuy.fee;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.Today;

/**
 * The fee ledger and the remittance report over JSON; the organisation defaults to the
 * root of the caller's scope.
 */
@RestController
class FeeApi {

	private final Fees fees;

	private final Remittances remittances;

	private final OrganizationTree tree;

	private final Today today;

	FeeApi(Fees fees, Remittances remittances, OrganizationTree tree, Today today) {
		this.fees = fees;
		this.remittances = remittances;
		this.tree = tree;
		this.today = today;
	}

	@GetMapping("/api/v1/fees/ledger")
	Page<Fees.Line> ledger(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String month) {
		CurrentUser user = CurrentUser.get();
		YearMonth m = month(month, this.today.date());
		List<Fees.Line> lines = this.fees.ledger(user, organization(user, organizationId, this.tree, this.today), m);
		return new Page<>(lines, lines.size(), 0, lines.size(), true);
	}

	@GetMapping("/api/v1/fees/remittance")
	Remittances.Report remittance(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month) {
		CurrentUser user = CurrentUser.get();
		return this.remittances.report(user, organization(user, organizationId, this.tree, this.today),
				year != null ? year : this.today.date().getYear(), month);
	}

	/** A remittance made by an organisation to the level above for a month. */
	record RemittanceRequest(Long organizationId, String month, Long amount, LocalDate remittedOn, String reference) {
	}

	@PostMapping("/api/v1/fees/remittances")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> recordRemittance(@RequestBody RemittanceRequest request) {
		if (request.month() == null || request.month().isBlank()) {
			throw new InvalidInputException("month", "error.required");
		}
		YearMonth m = month(request.month(), this.today.date());
		long id = this.remittances.record(CurrentUser.get(), request.organizationId(), m, request.amount(),
				request.remittedOn(), request.reference());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("organizationId", request.organizationId());
		body.put("month", m.toString());
		body.put("amount", request.amount());
		return body;
	}

	@GetMapping("/api/v1/fees/remittances")
	Page<Remittances.Recorded> remittances(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Integer year) {
		CurrentUser user = CurrentUser.get();
		List<Remittances.Recorded> items = this.remittances.recorded(user,
				organization(user, organizationId, this.tree, this.today),
				year != null ? year : this.today.date().getYear());
		return new Page<>(items, items.size(), 0, items.size(), true);
	}

	/** A payment or a month to open. */
	record PaymentRequest(Long organizationId, long memberId, String month, long amount, LocalDate paidOn,
			String reference) {
	}

	@PostMapping("/api/v1/fees/ledger/open")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> open(@RequestBody PaymentRequest request) {
		CurrentUser user = CurrentUser.get();
		int opened = this.fees.openMonth(user, organization(user, request.organizationId(), this.tree, this.today),
				month(request.month(), this.today.date()));
		return Map.of("opened", opened);
	}

	@PostMapping("/api/v1/fees/payments")
	Map<String, Object> pay(@RequestBody PaymentRequest request) {
		this.fees.pay(CurrentUser.get(), request.memberId(), month(request.month(), this.today.date()),
				request.amount(), request.paidOn(), "CASH", request.reference());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("memberId", request.memberId());
		body.put("month", request.month());
		return body;
	}

	@PostMapping(path = "/api/v1/fees/confirmations", consumes = "text/csv")
	Map<String, Object> importConfirmations(@RequestBody String csv) {
		return Map.of("imported", this.fees.importConfirmations(CurrentUser.get(), Fees.parse(csv)));
	}

	static YearMonth month(String value, LocalDate today) {
		if (value == null || value.isBlank()) {
			return YearMonth.from(today);
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("month", "error.fee.month");
		}
	}

	/** The requested organisation, or the root of the caller's scope. */
	static long organization(CurrentUser user, Long requested, OrganizationTree tree, Today today) {
		if (requested != null) {
			return requested;
		}
		if (!user.scopeRoots().isEmpty()) {
			return user.scopeRoots().stream().sorted().findFirst().orElseThrow();
		}
		List<Organization> all = tree.list(user, today.date());
		java.util.Set<Long> ids = new java.util.HashSet<>();
		all.forEach((o) -> ids.add(o.id()));
		return all.stream()
			.filter((o) -> o.parentId() == null || !ids.contains(o.parentId()))
			.map(Organization::id)
			.sorted()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("organization"));
	}

}
