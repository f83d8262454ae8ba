package vn.capuy.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The issue form as the page binds it. */
public class DocumentForm {

	private Long issuerOrgId;

	private DocumentType type = DocumentType.PLAN;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate issuedOn;

	private String title;

	private String summary;

	private String body;

	private String place;

	private String signerAuthority = "T/M BAN THƯỜNG VỤ";

	private String signerTitle = "BÍ THƯ";

	private String signerName;

	private Secrecy secrecy = Secrecy.NONE;

	private boolean congress;

	private String issuerCode;

	private List<Long> recipientOrgIds = new ArrayList<>();

	private String otherRecipients;

	Documents.IssueRequest toRequest() {
		List<String> others = this.otherRecipients == null ? List.of()
				: Arrays.stream(this.otherRecipients.split("\\R"))
					.map(String::strip)
					.filter((s) -> !s.isEmpty())
					.toList();
		return new Documents.IssueRequest(this.issuerOrgId, this.type, this.issuedOn, this.title, this.summary,
				this.body, this.place, this.signerAuthority, this.signerTitle, this.signerName, this.secrecy,
				this.congress, this.issuerCode, this.recipientOrgIds, others, null);
	}

	public Long getIssuerOrgId() {
		return this.issuerOrgId;
	}

	public void setIssuerOrgId(Long issuerOrgId) {
		this.issuerOrgId = issuerOrgId;
	}

	public DocumentType getType() {
		return this.type;
	}

	public void setType(DocumentType type) {
		this.type = type;
	}

	public LocalDate getIssuedOn() {
		return this.issuedOn;
	}

	public void setIssuedOn(LocalDate issuedOn) {
		this.issuedOn = issuedOn;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getPlace() {
		return this.place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getSignerAuthority() {
		return this.signerAuthority;
	}

	public void setSignerAuthority(String signerAuthority) {
		this.signerAuthority = signerAuthority;
	}

	public String getSignerTitle() {
		return this.signerTitle;
	}

	public void setSignerTitle(String signerTitle) {
		this.signerTitle = signerTitle;
	}

	public String getSignerName() {
		return this.signerName;
	}

	public void setSignerName(String signerName) {
		this.signerName = signerName;
	}

	public Secrecy getSecrecy() {
		return this.secrecy;
	}

	public void setSecrecy(Secrecy secrecy) {
		this.secrecy = secrecy;
	}

	public boolean isCongress() {
		return this.congress;
	}

	public void setCongress(boolean congress) {
		this.congress = congress;
	}

	public String getIssuerCode() {
		return this.issuerCode;
	}

	public void setIssuerCode(String issuerCode) {
		this.issuerCode = issuerCode;
	}

	public List<Long> getRecipientOrgIds() {
		return this.recipientOrgIds;
	}

	public void setRecipientOrgIds(List<Long> recipientOrgIds) {
		this.recipientOrgIds = recipientOrgIds == null ? new ArrayList<>() : recipientOrgIds;
	}

	public String getOtherRecipients() {
		return this.otherRecipients;
	}

	public void setOtherRecipients(String otherRecipients) {
		this.otherRecipients = otherRecipients;
	}

}
