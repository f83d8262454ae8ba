/**
 * Cell meetings, grassroots committee meetings and review conferences: the yearly plan,
 * preparation, attendance, minutes with resolutions and tasks, votes, quality, and the
 * figures across every cell.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "identity", "rulebook",
		"organization", "membership", "document", "sample", "grading" })
package vn.capuy.meeting;
