package vn.capuy.document;

import java.time.LocalDate;

/**
 * A document of the register as its page shows it: identity (number, symbol, date), who
 * issued it, its content, signature, mark and status, and for a received document its
 * place in the incoming register.
 */
public record DocumentRecord(long id, Direction direction, DocumentType type, int number, String symbol,
		LocalDate issuedOn, String issuerName, Long issuerOrgId, String superiorName, String place, Long receiverOrgId,
		String title, String summary, String body, String signerAuthority, String signerTitle, String signerName,
		Secrecy secrecy, DocumentStatus status, LocalDate statusOn, String statusReason, String termLabel,
		Integer arrivalNumber, LocalDate arrivalDate, String handlerName, LocalDate dueDate, LocalDate handledOn,
		String sampleNote, int version) {

	/** The organisation whose study sessions this document's page follows. */
	public Long scopeOrgId() {
		return this.direction == Direction.ISSUED ? this.issuerOrgId : this.receiverOrgId;
	}

}
