package vn.capuy.membership;

import java.time.LocalDate;
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
import vn.capuy.system.Page;
import vn.capuy.system.Today;

/**
 * The member register over JSON: list and search on a date, one member's file,
 * registration and correction.
 */
@RestController
@RequestMapping("/api/v1/members")
class MemberApi {

	private final Members members;

	private final Today today;

	MemberApi(Members members, Today today) {
		this.members = members;
		this.today = today;
	}

	/** One member in a list. */
	record Item(long id, String fullName, long organizationId, String organizationName, MemberStatus status,
			LocalDate dateOfBirth) {
	}

	@GetMapping
	Page<Item> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) MemberStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		return this.members
			.search(CurrentUser.get(),
					new Members.Query(q, organizationId, status, date, Page.page(page), Page.size(size)))
			.map((m) -> new Item(m.id(), m.fullName(), m.organizationId(), m.organizationName(), m.status(),
					m.dateOfBirth()));
	}

	@GetMapping("/{id}")
	MemberFile get(@PathVariable long id) {
		return this.members.get(CurrentUser.get(), id);
	}

	/** A registration: the record, the cell and the date of placement. */
	record RegisterRequest(MemberRecord record, Long organizationId, LocalDate placedOn) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> register(@RequestBody RegisterRequest request) {
		if (request.record() == null) {
			throw new vn.capuy.system.InvalidInputException("record", "error.required");
		}
		if (request.organizationId() == null) {
			throw new vn.capuy.system.InvalidInputException("organizationId", "error.required");
		}
		long id = this.members.register(CurrentUser.get(), request.record(), request.organizationId(),
				request.placedOn() != null ? request.placedOn() : this.today.date());
		return Map.of("id", id);
	}

	/** A correction of the record, with the version it was read at. */
	record CorrectRequest(MemberRecord record, int version) {
	}

	@PutMapping("/{id}")
	Map<String, Object> correct(@PathVariable long id, @RequestBody CorrectRequest request) {
		this.members.correct(CurrentUser.get(), id, request.record(), request.version());
		return Map.of("id", id);
	}

}
