package vn.capuy.document;

import java.time.LocalDate;

/**
 * A document entered the register (issued, or received into an organisation's incoming
 * register), published in the transaction that entered it so that records naming the same
 * symbol and date (a directive being carried out) can link to it.
 *
 * @param documentId the register entry
 * @param symbol the printed symbol, e.g. {@code 16-CT/TU}
 * @param issuedOn the issue date, the other half of the document's identity
 * @param organizationId the issuing organisation of an issued document, the receiving one
 * of a received document
 */
public record DocumentRegistered(long documentId, String symbol, LocalDate issuedOn, Long organizationId) {
}
