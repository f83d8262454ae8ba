package vn.capuy.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * A small RFC 4180 reader for the reference tables shipped in
 * {@code src/main/resources/reference}: quoted fields, doubled quotes, commas and line
 * breaks inside quotes.
 */
public final class Csv {

	private Csv() {
	}

	/** Rows of a classpath CSV with a header, each as column name to value. */
	public static List<Map<String, String>> readResource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<Map<String, String>> read(InputStream in) throws IOException {
		List<List<String>> rows = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		if (rows.isEmpty()) {
			return List.of();
		}
		List<String> header = rows.get(0);
		List<Map<String, String>> result = new ArrayList<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			if (row.size() == 1 && row.get(0).isEmpty()) {
				continue;
			}
			Map<String, String> map = new HashMap<>();
			for (int i = 0; i < header.size(); i++) {
				map.put(header.get(i), i < row.size() ? row.get(i) : "");
			}
			result.add(map);
		}
		return result;
	}

	static List<List<String>> parse(BufferedReader reader) throws IOException {
		return parse(reader, ',');
	}

	/**
	 * Rows of a CSV text with the given separator (Excel writes {@code ;} in some
	 * locales); blank lines are skipped.
	 */
	public static List<List<String>> parse(BufferedReader reader, char separator) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int c;
		boolean any = false;
		while ((c = reader.read()) != -1) {
			any = true;
			char ch = (char) c;
			if (quoted) {
				if (ch == '"') {
					reader.mark(1);
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						if (next != -1) {
							reader.reset();
						}
					}
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == separator) {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (ch == '\n') {
				row.add(field.toString());
				field.setLength(0);
				if (!(row.size() == 1 && row.get(0).isBlank())) {
					rows.add(row);
				}
				row = new ArrayList<>();
				any = false;
			}
			else if (ch != '\r') {
				field.append(ch);
			}
		}
		if (any) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

}
