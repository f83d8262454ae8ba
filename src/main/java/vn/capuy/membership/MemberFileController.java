package vn.capuy.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.PartyDates;

/**
 * The member file on the member's page: the 3×4 photo (upload, replace, show), scanned
 * documents (attach, download, close with a reason) and the printable life history (page
 * and DOCX). Files are served only within the caller's scope (404 outside).
 */
@Controller
class MemberFileController {

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final Members members;

	private final MemberFiles files;

	private final LifeHistory lifeHistory;

	private final Messages messages;

	MemberFileController(Members members, MemberFiles files, LifeHistory lifeHistory, Messages messages) {
		this.members = members;
		this.files = files;
		this.lifeHistory = lifeHistory;
		this.messages = messages;
	}

	@GetMapping("/members/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		MemberFiles.Content c = this.files.photo(CurrentUser.get(), id)
			.orElseThrow(() -> new NotFoundException("photo of member " + id));
		return inline(c);
	}

	@GetMapping("/members/{id}/photos/{photoId}")
	ResponseEntity<byte[]> formerPhoto(@PathVariable long id, @PathVariable long photoId) {
		return inline(this.files.photo(CurrentUser.get(), id, photoId));
	}

	@PostMapping("/members/{id}/photo")
	String uploadPhoto(@PathVariable long id, @RequestParam(name = "photo", required = false) MultipartFile photo,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return attempt(id, "photo", Map.of(), model, response, redirect, "memberfile.done.photo",
				() -> this.files.uploadPhoto(CurrentUser.get(), id, bytes(photo)));
	}

	@PostMapping("/members/{id}/documents")
	String attach(@PathVariable long id, @RequestParam(name = "documentFile", required = false) MultipartFile file,
			@RequestParam(required = false) String documentKind, @RequestParam(required = false) String documentDate,
			@RequestParam(required = false) String note, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> values = new HashMap<>();
		values.put("documentKind", documentKind == null ? "" : documentKind);
		values.put("documentDate", documentDate == null ? "" : documentDate);
		values.put("note", note == null ? "" : note);
		return attempt(id, "document", values, model, response, redirect, "memberfile.done.document", () -> {
			LocalDate date = PartyDates.parseIso("documentDate", documentDate);
			this.files.attach(CurrentUser.get(), id, new MemberFiles.NewDocument(documentKind, date, note,
					file == null ? null : file.getOriginalFilename(), bytes(file)));
		});
	}

	@GetMapping("/members/{id}/documents/{documentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
		MemberFiles.Content c = this.files.download(CurrentUser.get(), id, documentId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noStore().cachePrivate())
			.contentType(MediaType.parseMediaType(c.kind().mediaType()))
			.body(c.bytes());
	}

	@PostMapping("/members/{id}/documents/{documentId}/close")
	String close(@PathVariable long id, @PathVariable long documentId,
			@RequestParam(required = false) String closeReason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt(id, "close-" + documentId, Map.of("closeReason", closeReason == null ? "" : closeReason), model,
				response, redirect, "memberfile.done.close",
				() -> this.files.close(CurrentUser.get(), id, documentId, closeReason));
	}

	@GetMapping("/members/{id}/life-history")
	String lifeHistory(@PathVariable long id, Model model) {
		model.addAttribute("sheet", this.lifeHistory.sheet(CurrentUser.get(), id));
		return "lifecycle/life-history";
	}

	@GetMapping("/members/{id}/life-history.docx")
	ResponseEntity<byte[]> lifeHistoryDocx(@PathVariable long id) {
		byte[] body = this.lifeHistory.docx(CurrentUser.get(), id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ly-lich-" + id + ".docx\"")
			.contentType(DOCX)
			.body(body);
	}

	/** Puts what the member page shows of the file into the model. */
	static void fill(Model model, MemberFiles files, CurrentUser user, long id) {
		model.addAttribute("photos", files.photos(user, id));
		model.addAttribute("documents", files.documents(user, id));
		model.addAttribute("documentKinds", MemberFiles.SUGGESTED_KINDS);
		if (!model.containsAttribute("failed")) {
			model.addAttribute("failed", "");
			model.addAttribute("values", Map.of());
		}
	}

	private String attempt(long id, String form, Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
			return "redirect:/members/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("error", this.messages.describe(ex));
			model.addAttribute("errorField", ex.field());
			model.addAttribute("fieldMessage", this.messages.get(ex.messageKey(), ex.arguments()));
		}
		model.addAttribute("values", values);
		model.addAttribute("failed", form);
		CurrentUser user = CurrentUser.get();
		model.addAttribute("m", this.members.get(user, id));
		fill(model, this.files, user, id);
		return "membership/member";
	}

	private static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return new byte[0];
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ResponseEntity<byte[]> inline(MemberFiles.Content c) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.contentType(MediaType.parseMediaType(c.kind().mediaType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(c.bytes());
	}

}
