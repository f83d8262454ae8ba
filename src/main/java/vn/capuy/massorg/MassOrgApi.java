package vn.capuy.massorg;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.Today;

/**
 * Mass organisations over JSON: the list of the scope on a date, one unit, the candidates
 * proposed for admission, and creation.
 */
@RestController
@RequestMapping("/api/v1/mass-organizations")
class MassOrgApi {

	private final MassOrganizations massOrganizations;

	private final Today today;

	MassOrgApi(MassOrganizations massOrganizations, Today today) {
		this.massOrganizations = massOrganizations;
		this.today = today;
	}

	@GetMapping
	Map<String, Object> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		List<MassOrganizations.MassOrganization> items = this.massOrganizations.list(CurrentUser.get(),
				asOf != null ? asOf : this.today.date());
		return page(items);
	}

	@GetMapping("/{id}")
	MassOrganizations.Detail get(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.massOrganizations.get(CurrentUser.get(), id, asOf != null ? asOf : this.today.date());
	}

	@GetMapping("/candidates")
	Map<String, Object> candidates(@RequestParam(required = false) String status) {
		return page(this.massOrganizations.candidates(CurrentUser.get(), status));
	}

	/** A mass organisation to create. */
	record CreateRequest(Long organizationId, MassOrgKind kind, String name, LocalDate validFrom) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody CreateRequest request) {
		if (request.organizationId() == null) {
			throw new vn.capuy.system.InvalidInputException("organizationId", "error.required");
		}
		return Map.of("id", this.massOrganizations.create(CurrentUser.get(), request.organizationId(), request.kind(),
				request.name(), request.validFrom()));
	}

	private static Map<String, Object> page(List<?> items) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("total", items.size());
		body.put("page", 0);
		body.put("size", items.size());
		return body;
	}

}
