package vn.capuy.organization;

import java.time.LocalDate;
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
 * The organisation tree over JSON: the tree on a date in the caller's scope, one
 * organisation, and the restructuring operations.
 */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApi {

	private final OrganizationTree tree;

	private final Organizations organizations;

	private final Today today;

	OrganizationApi(OrganizationTree tree, Organizations organizations, Today today) {
		this.tree = tree;
		this.organizations = organizations;
		this.today = today;
	}

	/** An organisation in the API. */
	record Item(long id, String name, OrganizationType type, Long parentId, String agency, LocalDate validFrom,
			LocalDate validTo) {

		static Item of(Organization o) {
			return new Item(o.id(), o.name(), o.type(), o.parentId(), o.agencyName(), o.validFrom(), o.validTo());
		}

	}

	@GetMapping
	Map<String, Object> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		List<Item> items = this.tree.list(CurrentUser.get(), date).stream().map(Item::of).toList();
		return Map.of("items", items, "total", items.size(), "asOf", date);
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		CurrentUser user = CurrentUser.get();
		LocalDate date = asOf != null ? asOf : this.today.date();
		Organization org = this.tree.find(user, id, date).orElseGet(() -> this.tree.getLatestVisible(user, id));
		return Map.of("organization", Item.of(org), "history", this.tree.history(user, id), "predecessors",
				this.tree.predecessors(id), "successors", this.tree.successors(id), "names", this.tree.names(id));
	}

	/** A request to create an organisation. */
	record CreateRequest(OrganizationType type, String name, Long parentId, String agencyName, LocalDate date,
			String decisionRef) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody CreateRequest request) {
		long id = this.organizations.create(CurrentUser.get(), new Organizations.NewOrganization(request.type(),
				request.name(), request.parentId(), request.agencyName()), request.date(), request.decisionRef());
		return Map.of("id", id);
	}

	/** A dated operation on one organisation. */
	record OperationRequest(String name, Long parentId, String reason, LocalDate date, String decisionRef) {
	}

	@PostMapping("/{id}/rename")
	Map<String, Object> rename(@PathVariable long id, @RequestBody OperationRequest request) {
		this.organizations.rename(CurrentUser.get(), id, request.name(), request.date(), request.decisionRef());
		return Map.of("id", id);
	}

	@PostMapping("/{id}/move")
	Map<String, Object> move(@PathVariable long id, @RequestBody OperationRequest request) {
		if (request.parentId() == null) {
			throw new vn.capuy.system.InvalidInputException("parentId", "error.required");
		}
		this.organizations.move(CurrentUser.get(), id, request.parentId(), request.date(), request.decisionRef());
		return Map.of("id", id);
	}

	@PostMapping("/{id}/dissolve")
	Map<String, Object> dissolve(@PathVariable long id, @RequestBody OperationRequest request) {
		this.organizations.dissolve(CurrentUser.get(), id, request.date(), request.reason(), request.decisionRef());
		return Map.of("id", id);
	}

	/** A merge of several organisations into a new one. */
	record MergeRequest(List<Long> predecessorIds, OrganizationType type, String name, Long parentId, LocalDate date,
			String decisionRef) {
	}

	@PostMapping("/merge")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> merge(@RequestBody MergeRequest request) {
		long id = this.organizations.merge(CurrentUser.get(), request.predecessorIds(),
				new Organizations.NewOrganization(request.type(), request.name(), request.parentId(), null),
				request.date(), request.decisionRef());
		return Map.of("id", id);
	}

	/**
	 * A split of one organisation into parts; children and members by index of the part.
	 */
	record SplitRequest(List<Organizations.NewOrganization> parts, Map<Long, Integer> childToPart,
			Map<Long, Integer> memberToPart, LocalDate date, String decisionRef) {
	}

	@PostMapping("/{id}/split")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> split(@PathVariable long id, @RequestBody SplitRequest request) {
		List<Long> ids = this.organizations.split(CurrentUser.get(), id, request.parts(), request.childToPart(),
				request.memberToPart(), request.date(), request.decisionRef());
		return Map.of("ids", ids);
	}

}
