package vn.capuy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-visible text is in the message bundles, Vietnamese first: templates hold no
 * literal text outside {@code th:text}-replaced placeholders, every key a template or the
 * code uses exists in {@code messages_vi} and {@code messages_en}, and both bundles have
 * the same keys.
 */
class I18nTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Set<String> vi = keys("messages_vi.properties");
		Set<String> en = keys("messages_en.properties");
		assertThat(vi).isNotEmpty();
		assertThat(new TreeSet<>(vi)).containsExactlyElementsOf(new TreeSet<>(en));
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> vi = keys("messages_vi.properties");
		List<String> missing = new ArrayList<>();
		Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
		for (Path template : templates()) {
			Matcher m = key.matcher(Files.readString(template));
			while (m.find()) {
				if (!vi.contains(m.group(1))) {
					missing.add(template.getFileName() + ": " + m.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyKeyTheCodeNamesExists() throws IOException {
		Set<String> vi = keys("messages_vi.properties");
		List<String> missing = new ArrayList<>();
		Pattern key = Pattern.compile(
				"\"((?:error|organization|member|rules|setup|calendar|field|status|type|document|directive|review|committee|massorg|meeting|admission|transfer|grading|inspection|discipline|fee|report)\\.[a-z][a-zA-Z0-9_.-]*[a-z])\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher m = key.matcher(Files.readString(file));
				while (m.find()) {
					String k = m.group(1);
					// a rule-book key is named by its description, shown on the rule book
					// page
					if (!vi.contains(k) && !vi.contains("rule." + k)) {
						missing.add(file.getFileName() + ": " + k);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHoldNoLiteralTextThatIsNotReplaced() throws IOException {
		List<String> literals = new ArrayList<>();
		// text between tags, on elements that do not replace their body with th:text /
		// th:utext / th:replace
		Pattern element = Pattern.compile("<([a-zA-Z0-9]+)([^<>]*)>([^<>]*)</\\1>");
		for (Path template : templates()) {
			String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
			Matcher m = element.matcher(html);
			while (m.find()) {
				String attributes = m.group(2);
				String text = m.group(3).strip();
				if (text.isEmpty() || attributes.matches("(?s).*th:(text|utext|replace|insert)=.*")) {
					continue;
				}
				if (text.matches("[\\p{Punct}\\s—:()]*")) {
					continue;
				}
				literals.add(template.getFileName() + ": <" + m.group(1) + "> " + text);
			}
		}
		assertThat(literals).isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).toList();
		}
	}

	/**
	 * The keys of one language across every bundle: {@code messages_xx} and
	 * {@code i18n/*_xx}.
	 */
	private static Set<String> keys(String bundle) throws IOException {
		String suffix = bundle.substring(bundle.indexOf('_'));
		List<Path> files = new ArrayList<>(List.of(Path.of("src/main/resources", bundle)));
		Path modules = Path.of("src/main/resources/i18n");
		if (Files.isDirectory(modules)) {
			try (Stream<Path> list = Files.list(modules)) {
				list.filter((f) -> f.getFileName().toString().endsWith(suffix)).forEach(files::add);
			}
		}
		Set<String> keys = new TreeSet<>();
		List<String> duplicates = new ArrayList<>();
		for (Path file : files) {
			Properties properties = new Properties();
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
			}
			for (String key : properties.stringPropertyNames()) {
				if (!keys.add(key)) {
					duplicates.add(file.getFileName() + ": " + key);
				}
			}
		}
		assertThat(duplicates).as("keys defined in two bundles").isEmpty();
		return keys;
	}

}
