package vn.capuy.meeting;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.capuy.system.Csv;
import vn.capuy.system.InvalidInputException;

/**
 * A table read from an export of the national app (CSV in UTF-8 with {@code ,} or
 * {@code ;}, or the first sheet of an XLSX): its header and its data rows, each with the
 * row number the user sees in a spreadsheet, so that a bad value is named by row and
 * column. Blank rows are skipped but keep their numbers; a quoted line break inside a CSV
 * field is not supported (exports write none).
 */
record ImportTable(List<String> header, List<Line> lines) {

	/** A data row: its number in the file (the header is row 1) and its values. */
	record Line(int number, Map<String, String> values) {

		/** The stripped value of a column ({@code ""} when absent). */
		String get(String column) {
			if (column == null) {
				return "";
			}
			String v = this.values.get(column);
			return v == null ? "" : v.strip();
		}

	}

	/** Reads CSV, or XLSX when the file name says so; an unreadable file is refused. */
	static ImportTable read(String filename, byte[] content) {
		try {
			ImportTable table = (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
					? xlsx(content) : csv(content);
			if (table.lines().isEmpty()) {
				throw new InvalidInputException("importFile", "meeting.error.import.empty");
			}
			return table;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("importFile", "meeting.error.import.unreadable");
		}
	}

	/**
	 * Refuses a file without one of the columns it must have, naming the first missing
	 * one (optional columns, such as a card number or a reason, are not passed here).
	 */
	void require(String... columns) {
		for (String column : columns) {
			if (column != null && !this.header.contains(column)) {
				throw new InvalidInputException("importFile", "meeting.error.import.column", column);
			}
		}
	}

	private static ImportTable csv(byte[] content) throws IOException {
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String[] physical = text.split("\r?\n", -1);
		List<String> header = null;
		char separator = ',';
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < physical.length; i++) {
			if (physical[i].isBlank()) {
				continue;
			}
			if (header == null) {
				separator = physical[i].indexOf(';') >= 0 && physical[i].indexOf(',') < 0 ? ';' : ',';
			}
			List<List<String>> parsed = Csv.parse(new BufferedReader(new StringReader(physical[i] + "\n")), separator);
			if (parsed.isEmpty()) {
				continue;
			}
			List<String> cells = parsed.get(0);
			if (header == null) {
				header = cells.stream().map(String::strip).toList();
				continue;
			}
			Map<String, String> values = new HashMap<>();
			for (int c = 0; c < header.size(); c++) {
				values.put(header.get(c), c < cells.size() ? cells.get(c) : "");
			}
			lines.add(new Line(i + 1, values));
		}
		return new ImportTable(header == null ? List.of() : header, lines);
	}

	private static ImportTable xlsx(byte[] content) throws IOException {
		DataFormatter formatter = new DataFormatter();
		List<String> header = null;
		List<Line> lines = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					cells.add(formatter.formatCellValue(row.getCell(c)));
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (header == null) {
					header = cells.stream().map(String::strip).toList();
					continue;
				}
				Map<String, String> values = new HashMap<>();
				for (int c = 0; c < header.size(); c++) {
					values.put(header.get(c), c < cells.size() ? cells.get(c) : "");
				}
				lines.add(new Line(row.getRowNum() + 1, values));
			}
		}
		return new ImportTable(header == null ? List.of() : header, lines);
	}

}
