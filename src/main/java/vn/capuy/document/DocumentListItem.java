package vn.capuy.document;

import java.time.LocalDate;

/** One row of the register. */
public record DocumentListItem(long id, Direction direction, DocumentType type, String symbol, LocalDate issuedOn,
		String issuerName, String title, Secrecy secrecy, DocumentStatus status, Integer arrivalNumber,
		LocalDate arrivalDate, String handlerName, LocalDate dueDate, LocalDate handledOn) {

	/** Whether a received document is past its due date without being handled. */
	public boolean overdue(LocalDate today) {
		return this.dueDate != null && this.handledOn == null && today.isAfter(this.dueDate);
	}

}
