/**
 * Party documents: the register of documents received and issued, symbols and numbering
 * per issuer, type and term, the HD 36 layout in DOCX and PDF, attachments, secrecy
 * marks, and study sessions.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization", "membership", "sample" })
package vn.capuy.document;
