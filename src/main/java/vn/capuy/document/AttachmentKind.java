package vn.capuy.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file a document may carry, recognised by their content, never by their
 * name: PDF, PNG and JPEG by their magic bytes; DOCX and XLSX as zip packages holding
 * {@code [Content_Types].xml} and their main part.
 */
public enum AttachmentKind {

	PDF("application/pdf"), DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), PNG("image/png"), JPEG("image/jpeg");

	private final String contentType;

	AttachmentKind(String contentType) {
		this.contentType = contentType;
	}

	public String contentType() {
		return this.contentType;
	}

	/** The kind of the bytes, or empty when they are none of the accepted kinds. */
	public static Optional<AttachmentKind> detect(byte[] bytes) {
		if (bytes == null || bytes.length < 8) {
			return Optional.empty();
		}
		if (starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
			return Optional.of(PDF);
		}
		if (starts(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (starts(bytes, 0x50, 0x4B, 0x03, 0x04)) {
			Set<String> entries = zipEntries(bytes);
			if (entries.contains("[Content_Types].xml")) {
				if (entries.contains("word/document.xml")) {
					return Optional.of(DOCX);
				}
				if (entries.contains("xl/workbook.xml")) {
					return Optional.of(XLSX);
				}
			}
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int... magic) {
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Names of the entries of a zip, reading at most a few thousand; empty if unreadable.
	 */
	private static Set<String> zipEntries(byte[] bytes) {
		Set<String> names = new HashSet<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null && names.size() < 5000) {
				names.add(entry.getName());
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Set.of();
		}
		return names;
	}

}
