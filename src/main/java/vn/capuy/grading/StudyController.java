package vn.capuy.grading;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Pages of the Hồ Chí Minh study: the year's theme, the members' commitments (signed in a
 * chosen organisation), their self-assessments with the cell's comment and result, and
 * the exemplary collectives and individuals. Bad input comes back as a message naming the
 * field; nothing is half-saved.
 */
@Controller
class StudyController {

	private final HoChiMinhStudy study;

	private final OrganizationTree tree;

	private final Members members;

	private final Messages messages;

	private final Today today;

	StudyController(HoChiMinhStudy study, OrganizationTree tree, Members members, Messages messages, Today today) {
		this.study = study;
		this.tree = tree;
		this.members = members;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/grading/study")
	String study(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long organizationId,
			Model model) {
		CurrentUser user = CurrentUser.get();
		int y = year != null ? year : this.today.date().getYear();
		LocalDate asOf = y >= this.today.date().getYear() ? this.today.date() : LocalDate.of(y, 12, 31);
		List<Organization> organizations = this.tree.list(user, asOf);
		model.addAttribute("year", y);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("organizations", organizations);
		model.addAttribute("theme", this.study.theme(y).orElse(null));
		model.addAttribute("commitments", this.study.commitments(user, organizationId, y));
		model.addAttribute("models", this.study.models(user, y));
		List<MemberListItem> candidates = List.of();
		if (organizationId != null) {
			candidates = this.members.search(user, new Members.Query(null, organizationId, null, asOf, 0, 500)).items();
		}
		model.addAttribute("candidates", candidates);
		model.addAttribute("results", StudyResult.values());
		model.addAttribute("signedOn", y == this.today.date().getYear() ? this.today.date() : LocalDate.of(y, 1, 15));
		return "grading/study";
	}

	@PostMapping("/grading/study/theme")
	String theme(@RequestParam int year, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String documentRef, RedirectAttributes redirect) {
		return run(redirect, "grading.done.theme", back(year, null),
				() -> this.study.setTheme(CurrentUser.get(), year, theme, documentRef));
	}

	@PostMapping("/grading/study/commitments")
	String commit(@RequestParam int year, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) String commitment,
			@RequestParam(required = false) String linkedTasks,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			RedirectAttributes redirect) {
		return run(redirect, "grading.done.commitment", back(year, organizationId), () -> {
			if (memberId == null) {
				throw new InvalidInputException("memberId", "error.required");
			}
			this.study.commit(CurrentUser.get(), memberId, year, commitment, linkedTasks, signedOn);
		});
	}

	@GetMapping("/grading/study/commitments/{id}")
	String commitment(@PathVariable long id, Model model) {
		model.addAttribute("c", this.study.commitment(CurrentUser.get(), id));
		model.addAttribute("results", StudyResult.values());
		return "grading/commitment";
	}

	@PostMapping("/grading/study/commitments/{id}")
	String assess(@PathVariable long id, @RequestParam(required = false) String midYearSelf,
			@RequestParam(required = false) String yearEndSelf, @RequestParam(required = false) String cellComment,
			@RequestParam(required = false) String result, RedirectAttributes redirect) {
		return run(redirect, "grading.done.saved", "redirect:/grading/study/commitments/" + id, () -> {
			StudyResult r = null;
			if (result != null && !result.isBlank()) {
				try {
					r = StudyResult.valueOf(result);
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("studyResult", "error.required");
				}
			}
			this.study.assess(CurrentUser.get(), id, midYearSelf, yearEndSelf, cellComment, r);
		});
	}

	@PostMapping("/grading/study/models")
	String model(@RequestParam int year, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) String modelTitle,
			@RequestParam(required = false) String commendation, @RequestParam(required = false) String decisionRef,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedOn,
			RedirectAttributes redirect) {
		return run(redirect, "grading.done.model", back(year, null), () -> {
			if (organizationId == null) {
				throw new InvalidInputException("organizationId", "error.required");
			}
			this.study.addModel(CurrentUser.get(), year, organizationId, memberId, modelTitle, commendation,
					decisionRef, recordedOn);
		});
	}

	private static String back(int year, Long organizationId) {
		return "redirect:/grading/study?year=" + year
				+ (organizationId != null ? "&organizationId=" + organizationId : "");
	}

	private String run(RedirectAttributes redirect, String done, String target, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		return target;
	}

}
