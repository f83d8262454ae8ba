package vn.capuy.membership;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.PartyDates;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Member data exchange by file (DESIGN.md: complement the national systems): XLSX and CSV
 * imports with legacy-encoding recognition, column mapping saved per source layout,
 * preview with per-row validation, matching by card number, citizen ID or life-history
 * number (a re-import changes nothing), all-or-nothing or per row, run in the background
 * with progress; and the export of the register in the same layouts.
 */
@Service
public class MemberImports {

	private static final Logger log = LoggerFactory.getLogger(MemberImports.class);

	private final JdbcClient jdbc;

	private final Members members;

	private final OrganizationTree tree;

	private final RuleBook rules;

	private final Messages messages;

	private final AuditLog audit;

	private final Today today;

	private final TaskExecutor executor;

	private final TransactionTemplate tx;

	private final TransactionTemplate own;

	private final vn.capuy.system.FieldCipher cipher;

	private final MemberBulkRegistration bulk;

	private final vn.capuy.system.BackgroundJobs jobs;

	MemberImports(JdbcClient jdbc, Members members, OrganizationTree tree, RuleBook rules, Messages messages,
			AuditLog audit, Today today, vn.capuy.system.FieldCipher cipher, MemberBulkRegistration bulk,
			@org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions, vn.capuy.system.BackgroundJobs jobs) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.bulk = bulk;
		this.members = members;
		this.tree = tree;
		this.rules = rules;
		this.messages = messages;
		this.audit = audit;
		this.today = today;
		this.executor = executor;
		this.tx = new TransactionTemplate(transactions);
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A file read into a header row and data rows, with the encoding found. */
	public record Table(List<String> headers, List<List<String>> rows, String encoding) {
	}

	/**
	 * A problem in one row: its number in the file (header = 1), its column, the message.
	 */
	public record RowError(int row, String column, String message) {
	}

	/** What the preview shows. */
	public record Preview(String encoding, List<String> headers, Map<Integer, ImportField> mapping, String layoutName,
			int total, List<List<String>> sample, List<RowError> errors) {
	}

	/** The progress and outcome of a run. */
	public record Progress(long id, String status, long done, long total, int created, int updated, int unchanged,
			int rejected, String message, boolean hasErrorReport) {
	}

	/** Reads an XLSX or CSV file. */
	public Table read(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "error.required");
		}
		if (content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
			return readXlsx(content);
		}
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xls")) {
			throw new InvalidInputException("file", "import.error.format");
		}
		LegacyText.Decoded decoded = LegacyText.decode(content);
		List<List<String>> all = parseCsv(decoded.text());
		if (all.isEmpty()) {
			throw new InvalidInputException("file", "import.error.empty");
		}
		return new Table(all.get(0), all.subList(1, all.size()), decoded.encoding().name());
	}

	/**
	 * Reads the first sheet as a stream of rows (POI's event model): a sheet of 200,000
	 * rows takes a few tens of megabytes instead of the gigabytes of a workbook held in
	 * memory. Numbers come as their plain value (an Excel date as its serial number, read
	 * later as a date); formulas as their last computed value. POI's zip checks refuse
	 * zip bombs.
	 */
	private Table readXlsx(byte[] content) {
		List<List<String>> all = new ArrayList<>();
		try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage
			.open(new ByteArrayInputStream(content))) {
			org.apache.poi.xssf.eventusermodel.XSSFReader reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(
					pkg);
			org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable strings = new org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable(
					pkg);
			java.util.Iterator<java.io.InputStream> sheets = reader.getSheetsData();
			if (sheets.hasNext()) {
				try (java.io.InputStream sheet = sheets.next()) {
					org.xml.sax.XMLReader parser = org.apache.poi.util.XMLHelper.newXMLReader();
					parser.setContentHandler(new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler(
							reader.getStylesTable(), null, strings, new RowCollector(all), new PlainNumbers(), false));
					parser.parse(new org.xml.sax.InputSource(sheet));
				}
			}
		}
		catch (IOException | org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException
				| javax.xml.parsers.ParserConfigurationException | RuntimeException ex) {
			throw new InvalidInputException("file", "import.error.format");
		}
		if (all.isEmpty()) {
			throw new InvalidInputException("file", "import.error.empty");
		}
		StringBuilder joined = new StringBuilder();
		all.forEach((r) -> r.forEach((c) -> joined.append(c).append('\n')));
		LegacyText.Encoding encoding = LegacyText.recognise(joined.toString()).encoding();
		List<List<String>> converted = new ArrayList<>();
		for (List<String> r : all) {
			converted.add(r.stream().map((c) -> LegacyText.convert(c, encoding)).toList());
		}
		return new Table(converted.get(0), converted.subList(1, converted.size()), encoding.name());
	}

	static List<List<String>> parseCsv(String text) {
		String first = text.lines().findFirst().orElse("");
		char separator = first.chars().filter((c) -> c == ';').count() > first.chars().filter((c) -> c == ',').count()
				? ';' : ',';
		try {
			return vn.capuy.system.Csv.parse(new java.io.BufferedReader(new StringReader(text)), separator);
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "import.error.format");
		}
	}

	/** The layout signature of a header row: folded names joined. */
	static String signature(List<String> headers) {
		return String.join("|", headers.stream().map((h) -> VietnameseText.fold(h).strip()).toList());
	}

	/** The saved mapping of this layout, or one guessed from the header words. */
	public Map<Integer, ImportField> mappingFor(List<String> headers) {
		String saved = this.jdbc.sql("SELECT mapping FROM import_layout WHERE signature = :s")
			.param("s", signature(headers))
			.query(String.class)
			.optional()
			.orElse(null);
		if (saved != null) {
			return parseMapping(saved);
		}
		Map<Integer, ImportField> mapping = new LinkedHashMap<>();
		for (int i = 0; i < headers.size(); i++) {
			String h = VietnameseText.fold(headers.get(i))
				.replaceAll("[^a-z0-9 ]", " ")
				.replaceAll("\\s+", " ")
				.strip();
			for (ImportField f : ImportField.values()) {
				if (f.headers().contains(h) && !mapping.containsValue(f)) {
					mapping.put(i, f);
				}
			}
		}
		return mapping;
	}

	public static Map<Integer, ImportField> parseMapping(String text) {
		Map<Integer, ImportField> mapping = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return mapping;
		}
		for (String part : text.split(";")) {
			String[] kv = part.split("=");
			if (kv.length == 2 && !kv[1].isBlank()) {
				try {
					mapping.put(Integer.parseInt(kv[0].strip()), ImportField.valueOf(kv[1].strip()));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("mapping", "import.error.mapping", part);
				}
			}
		}
		return mapping;
	}

	public static String formatMapping(Map<Integer, ImportField> mapping) {
		StringBuilder s = new StringBuilder();
		mapping.forEach((k, v) -> s.append(s.length() == 0 ? "" : ";").append(k).append('=').append(v.name()));
		return s.toString();
	}

	/** Saves the mapping of a source layout under a name. */
	public void saveLayout(CurrentUser user, String name, List<String> headers, Map<Integer, ImportField> mapping) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "error.required");
		}
		checkMapping(headers, mapping);
		this.tx.executeWithoutResult((s) -> {
			this.jdbc.sql("""
					INSERT INTO import_layout (name, signature, headers, mapping, saved_by) VALUES (:n, :s, :h, :m, :by)
					ON CONFLICT (signature) DO UPDATE SET name = :n, mapping = :m, saved_by = :by, saved_at = now()
					""")
				.param("n", VietnameseText.clean(name.strip()))
				.param("s", signature(headers))
				.param("h", String.join("\t", headers))
				.param("m", formatMapping(mapping))
				.param("by", user.username())
				.update();
			this.audit.record(user.username(), "SAVE_LAYOUT", "import_layout", name, null, formatMapping(mapping));
		});
	}

	/** A saved layout. */
	public record Layout(long id, String name, List<String> headers, Map<Integer, ImportField> mapping) {
	}

	public List<Layout> layouts() {
		return this.jdbc.sql("SELECT id, name, headers, mapping FROM import_layout ORDER BY name")
			.query((rs, n) -> new Layout(rs.getLong(1), rs.getString(2), List.of(rs.getString(3).split("\t")),
					parseMapping(rs.getString(4))))
			.list();
	}

	/** One saved layout, or 404. */
	public Layout layout(long id) {
		return layouts().stream()
			.filter((l) -> l.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("layout " + id));
	}

	/**
	 * Changes the name and the mapping of a saved layout: every column to at most one
	 * field, each field from at most one column, the required fields present.
	 */
	public void updateLayout(CurrentUser user, long id, String name, Map<Integer, ImportField> mapping) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("import layouts");
		}
		Layout before = layout(id);
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "error.required");
		}
		checkMapping(before.headers(), mapping);
		this.tx.executeWithoutResult((s) -> {
			this.jdbc.sql("""
					UPDATE import_layout SET name = :n, mapping = :m, saved_by = :by, saved_at = now() WHERE id = :id
					""")
				.param("n", VietnameseText.clean(name.strip()))
				.param("m", formatMapping(mapping))
				.param("by", user.username())
				.param("id", id)
				.update();
			this.audit.record(user.username(), "UPDATE_LAYOUT", "import_layout", id, formatMapping(before.mapping()),
					formatMapping(mapping));
		});
	}

	private void checkMapping(List<String> headers, Map<Integer, ImportField> mapping) {
		Set<ImportField> used = new java.util.HashSet<>();
		for (Map.Entry<Integer, ImportField> e : mapping.entrySet()) {
			if (e.getKey() < 0 || e.getKey() >= headers.size()) {
				throw new InvalidInputException("mapping", "import.error.mapping", e.getKey() + "=" + e.getValue());
			}
			if (!used.add(e.getValue())) {
				throw new InvalidInputException("mapping", "import.error.mapping.twice",
						this.messages.get("field." + e.getValue().field()));
			}
		}
		for (ImportField f : new ImportField[] { ImportField.FULL_NAME, ImportField.SEX, ImportField.DATE_OF_BIRTH,
				ImportField.ADMISSION_DECISION_DATE }) {
			if (!mapping.containsValue(f)) {
				throw new InvalidInputException("mapping", "import.error.mapping.missing",
						this.messages.get("field." + f.field()));
			}
		}
	}

	/** Reads the file and validates every row without writing anything. */
	public Preview preview(CurrentUser user, String fileName, byte[] content, Map<Integer, ImportField> chosen,
			Long defaultOrganizationId) {
		Table table = read(fileName, content);
		Map<Integer, ImportField> mapping = chosen != null && !chosen.isEmpty() ? chosen : mappingFor(table.headers());
		String layout = this.jdbc.sql("SELECT name FROM import_layout WHERE signature = :s")
			.param("s", signature(table.headers()))
			.query(String.class)
			.optional()
			.orElse(null);
		if (defaultOrganizationId != null && this.tree.find(user, defaultOrganizationId, this.today.date()).isEmpty()) {
			throw new InvalidInputException("organizationId", "error.member.organization.not-found");
		}
		List<RowError> errors = new ArrayList<>();
		validateAll(user, table, mapping, defaultOrganizationId, errors);
		return new Preview(table.encoding(), table.headers(), mapping, layout, table.rows().size(),
				table.rows().subList(0, Math.min(10, table.rows().size())), errors);
	}

	/** One row made ready: the record, the member it matches (if any) and the cell. */
	record Prepared(int row, MemberRecord record, Long matchId, Long organizationId, String organizationName) {

		Prepared with(Long match, Long organization) {
			return new Prepared(this.row, this.record, match, organization, this.organizationName);
		}

	}

	/**
	 * What a run reads once rather than per row: the record checks with their rules, the
	 * catalogues, the cells in scope, the two-digit-year pivot.
	 */
	final class Context {

		final Members.Validator validator = MemberImports.this.members.validator();

		final int pivot = pivot();

		final Map<String, List<String[]>> catalogues = new HashMap<>();

		Map<String, List<Long>> cells;

		List<String[]> catalogue(String table) {
			// the table is one of two fixed literals, never user input
			return this.catalogues.computeIfAbsent(table,
					(t) -> MemberImports.this.jdbc.sql("SELECT code, name FROM " + t)
						.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
						.list());
		}

		List<Long> cellsNamed(CurrentUser user, String name) {
			if (this.cells == null) {
				this.cells = new HashMap<>();
				for (Organization o : MemberImports.this.tree.list(user, MemberImports.this.today.date())) {
					if (o.type().isCell()) {
						this.cells.computeIfAbsent(VietnameseText.fold(o.name()).strip(), (k) -> new ArrayList<>())
							.add(o.id());
						this.cells.computeIfAbsent(String.valueOf(o.id()), (k) -> new ArrayList<>()).add(o.id());
					}
				}
			}
			List<Long> byName = this.cells.getOrDefault(VietnameseText.fold(name).strip(), List.of());
			return byName.isEmpty() ? this.cells.getOrDefault(name.strip(), List.of()) : byName;
		}

	}

	/**
	 * Checks every row: first each on its own (values, rules, duplicates in the file),
	 * then all together against the register (one query matches every row by card number,
	 * citizen ID or life-history number, one more checks the matches are in scope).
	 */
	private List<Prepared> validateAll(CurrentUser user, Table table, Map<Integer, ImportField> mapping,
			Long defaultOrganizationId, List<RowError> errors) {
		Locale previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
		try {
			requireMapping(mapping);
			Context context = new Context();
			List<Prepared> checked = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			for (int i = 0; i < table.rows().size(); i++) {
				int rowNumber = i + 2;
				List<String> cells = table.rows().get(i);
				if (cells.stream().allMatch((c) -> c == null || c.isBlank())) {
					continue;
				}
				try {
					Prepared p = prepare(rowNumber, cells, mapping, context);
					for (String key : new String[] { p.record().partyCardNumber(), p.record().citizenId(),
							p.record().lifeHistoryNumber() }) {
						if (key != null && seen.put(key, rowNumber) != null) {
							throw new InvalidInputException("partyCardNumber", "import.error.duplicate-in-file", key,
									seen.get(key));
						}
					}
					checked.add(p);
				}
				catch (InvalidInputException ex) {
					errors.add(new RowError(rowNumber, column(table.headers(), mapping, ex.field()),
							this.messages.get(ex.messageKey(), ex.arguments())));
				}
				catch (RuleViolationException ex) {
					errors.add(new RowError(rowNumber, "", this.messages.describe(ex)));
				}
			}
			Map<Integer, Long> matches = matchAll(checked);
			java.util.Set<Long> visible = visible(user, matches.values());
			List<Prepared> prepared = new ArrayList<>();
			for (Prepared p : checked) {
				try {
					Long match = matches.get(p.row());
					if (match != null && match < 0) {
						throw new InvalidInputException("partyCardNumber", "import.error.match-ambiguous");
					}
					if (match != null && !visible.contains(match)) {
						throw new InvalidInputException("partyCardNumber", "import.error.match-out-of-scope");
					}
					Long org = null;
					if (match == null) {
						String orgName = p.organizationName();
						org = orgName != null && !orgName.isBlank() ? organization(user, orgName, context)
								: defaultOrganizationId;
						if (org == null) {
							throw new InvalidInputException("organizationId", "error.required");
						}
					}
					prepared.add(p.with(match, org));
				}
				catch (InvalidInputException ex) {
					errors.add(new RowError(p.row(), column(table.headers(), mapping, ex.field()),
							this.messages.get(ex.messageKey(), ex.arguments())));
				}
			}
			errors.sort(java.util.Comparator.comparingInt(RowError::row));
			return prepared;
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}

	/**
	 * The existing member each row matches, by row number; -1 when its numbers point to
	 * different members.
	 */
	private Map<Integer, Long> matchAll(List<Prepared> rows) {
		List<String> cards = new ArrayList<>();
		List<String> hmacs = new ArrayList<>();
		List<String> lifeHistories = new ArrayList<>();
		Map<Integer, String> hmacOf = new HashMap<>();
		for (Prepared p : rows) {
			if (p.record().partyCardNumber() != null) {
				cards.add(p.record().partyCardNumber());
			}
			if (p.record().citizenId() != null) {
				String h = this.cipher.hmac(p.record().citizenId());
				hmacs.add(h);
				hmacOf.put(p.row(), h);
			}
			if (p.record().lifeHistoryNumber() != null) {
				lifeHistories.add(p.record().lifeHistoryNumber());
			}
		}
		Map<String, Long> byCard = new HashMap<>();
		Map<String, Long> byHmac = new HashMap<>();
		Map<String, Long> byLifeHistory = new HashMap<>();
		if (!rows.isEmpty()) {
			this.jdbc.sql("""
					SELECT id, party_card_number, citizen_id_hmac, life_history_number FROM member
					WHERE party_card_number = ANY(:cards) OR citizen_id_hmac = ANY(:hmacs)
					   OR life_history_number = ANY(:lls)
					""")
				.param("cards", cards.toArray(String[]::new))
				.param("hmacs", hmacs.toArray(String[]::new))
				.param("lls", lifeHistories.toArray(String[]::new))
				.query((rs, n) -> {
					long id = rs.getLong(1);
					if (rs.getString(2) != null) {
						byCard.put(rs.getString(2), id);
					}
					if (rs.getString(3) != null) {
						byHmac.put(rs.getString(3), id);
					}
					if (rs.getString(4) != null) {
						byLifeHistory.put(rs.getString(4), id);
					}
					return null;
				})
				.list();
		}
		Map<Integer, Long> matches = new HashMap<>();
		for (Prepared p : rows) {
			java.util.Set<Long> ids = new java.util.HashSet<>();
			for (Long id : new Long[] { byCard.get(p.record().partyCardNumber()), byHmac.get(hmacOf.get(p.row())),
					byLifeHistory.get(p.record().lifeHistoryNumber()) }) {
				if (id != null) {
					ids.add(id);
				}
			}
			if (ids.size() > 1) {
				matches.put(p.row(), -1L);
			}
			else if (ids.size() == 1) {
				matches.put(p.row(), ids.iterator().next());
			}
		}
		return matches;
	}

	/** Which of the members were ever placed in the caller's scope. */
	private java.util.Set<Long> visible(CurrentUser user, java.util.Collection<Long> ids) {
		List<Long> real = ids.stream().filter((id) -> id > 0).distinct().toList();
		if (real.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(this.jdbc
			.sql("""
					SELECT DISTINCT ms.member_id FROM membership ms
					JOIN organization_visible_ever(:roots, :global) v ON v.id = ms.organization_id
					 AND v.valid_from < coalesce(ms.valid_to, 'infinity') AND coalesce(v.valid_to, 'infinity') > ms.valid_from
					WHERE ms.member_id = ANY(:ids)
					""")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("ids", real.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	private static void requireMapping(Map<Integer, ImportField> mapping) {
		for (ImportField f : new ImportField[] { ImportField.FULL_NAME, ImportField.SEX, ImportField.DATE_OF_BIRTH,
				ImportField.ADMISSION_DECISION_DATE }) {
			if (!mapping.containsValue(f)) {
				throw new InvalidInputException("mapping", "import.error.mapping.missing", f.field());
			}
		}
	}

	private static String column(List<String> headers, Map<Integer, ImportField> mapping, String field) {
		for (Map.Entry<Integer, ImportField> e : mapping.entrySet()) {
			if (e.getValue().field().equals(field) && e.getKey() < headers.size()) {
				return headers.get(e.getKey());
			}
		}
		return field;
	}

	private int pivot() {
		String value = this.rules.inForce("import.two-digit-year.pivot", this.today.date())
			.map((r) -> r.value().strip())
			.orElse("CURRENT_YEAR");
		return "CURRENT_YEAR".equals(value) ? this.today.date().getYear() % 100 : Integer.parseInt(value);
	}

	private Prepared prepare(int rowNumber, List<String> cells, Map<Integer, ImportField> mapping, Context context) {
		Map<ImportField, String> v = new HashMap<>();
		mapping.forEach((index, field) -> {
			String raw = index < cells.size() ? cells.get(index) : null;
			v.put(field, unneutralise(raw));
		});
		int pivot = context.pivot;
		MemberRecord input = new MemberRecord(v.get(ImportField.FULL_NAME), v.get(ImportField.BIRTH_NAME),
				sex(v.get(ImportField.SEX)), ImportDates.parse("dateOfBirth", v.get(ImportField.DATE_OF_BIRTH), pivot),
				v.get(ImportField.PLACE_OF_BIRTH), v.get(ImportField.PLACE_OF_BIRTH_PROVINCE),
				v.get(ImportField.HOME_TOWN), v.get(ImportField.HOME_TOWN_PROVINCE),
				code(context, "ethnicity", "ethnicityCode", v.get(ImportField.ETHNICITY)),
				code(context, "religion", "religionCode", v.get(ImportField.RELIGION)), v.get(ImportField.CITIZEN_ID),
				v.get(ImportField.PHONE), v.get(ImportField.EDUCATION), theory(v.get(ImportField.POLITICAL_THEORY)),
				ImportDates.parse("admissionDecisionDate", v.get(ImportField.ADMISSION_DECISION_DATE), pivot),
				ImportDates.parse("admissionCeremonyDate", v.get(ImportField.ADMISSION_CEREMONY_DATE), pivot),
				ImportDates.parse("fullMembershipDate", v.get(ImportField.FULL_MEMBERSHIP_DATE), pivot),
				v.get(ImportField.PARTY_CARD_NUMBER), v.get(ImportField.LIFE_HISTORY_NUMBER));
		MemberRecord record = context.validator.check(input);
		return new Prepared(rowNumber, record, null, null, v.get(ImportField.ORGANIZATION));
	}

	private Long organization(CurrentUser user, String name, Context context) {
		List<Long> cells = context.cellsNamed(user, name);
		if (cells.size() != 1) {
			throw new InvalidInputException("organizationId",
					cells.isEmpty() ? "import.error.organization.unknown" : "import.error.organization.ambiguous",
					name);
		}
		return cells.get(0);
	}

	private static Sex sex(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException("sex", "error.required");
		}
		String f = VietnameseText.fold(raw).strip();
		if (f.equals("nam") || f.equals("m") || f.equals("1")) {
			return Sex.NAM;
		}
		if (f.equals("nu") || f.equals("f") || f.equals("0")) {
			return Sex.NU;
		}
		throw new InvalidInputException("sex", "import.error.sex", raw);
	}

	private static PoliticalTheory theory(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String f = VietnameseText.fold(raw).replaceAll("[^a-z ]", "").strip();
		switch (f) {
			case "so cap":
				return PoliticalTheory.SO_CAP;
			case "trung cap":
				return PoliticalTheory.TRUNG_CAP;
			case "cao cap":
				return PoliticalTheory.CAO_CAP;
			case "cu nhan":
				return PoliticalTheory.CU_NHAN;
			default:
				try {
					return PoliticalTheory.valueOf(raw.strip());
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("politicalTheory", "import.error.value", raw);
				}
		}
	}

	private static String code(Context context, String table, String field, String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String s = raw.strip();
		String folded = VietnameseText.fold(s);
		for (String[] r : context.catalogue(table)) {
			if (r[0].equals(s) || VietnameseText.fold(r[1]).equals(folded)) {
				return r[0];
			}
		}
		throw new InvalidInputException(field, "import.error.value", raw);
	}

	/** Starts a run in the background; answers the job id at once. */
	public long start(CurrentUser user, String fileName, byte[] content, Map<Integer, ImportField> chosen,
			boolean perRow, Long defaultOrganizationId) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("import");
		}
		Table table = read(fileName, content);
		Map<Integer, ImportField> mapping = chosen != null && !chosen.isEmpty() ? chosen : mappingFor(table.headers());
		requireMapping(mapping);
		if (defaultOrganizationId != null && this.tree.find(user, defaultOrganizationId, this.today.date()).isEmpty()) {
			throw new InvalidInputException("organizationId", "error.member.organization.not-found");
		}
		long id = this.own.execute((s) -> {
			long job = this.jdbc
				.sql("""
						INSERT INTO background_job (kind, status, total_units, started_by) VALUES ('MEMBER_IMPORT', 'RUNNING', :t, :by)
						RETURNING id
						""")
				.param("t", table.rows().size())
				.param("by", user.username())
				.query(Long.class)
				.single();
			this.jdbc
				.sql("""
						INSERT INTO import_run (job_id, file_name, content, encoding, mapping, per_row, default_organization_id)
						VALUES (:j, :f, :c, :e, :m, :p, :o)
						""")
				.param("j", job)
				.param("f", fileName == null ? "import" : fileName)
				.param("c", content)
				.param("e", table.encoding())
				.param("m", formatMapping(mapping))
				.param("p", perRow)
				.param("o", defaultOrganizationId)
				.update();
			this.audit.record(user.username(), "IMPORT_START", "background_job", job, null, fileName);
			return job;
		});
		this.executor.execute(
				() -> this.jobs.runHolding(id, () -> run(user, id, table, mapping, perRow, defaultOrganizationId)));
		return id;
	}

	void run(CurrentUser user, long job, Table table, Map<Integer, ImportField> mapping, boolean perRow,
			Long defaultOrganizationId) {
		int[] counts = new int[4];
		List<RowError> errors = new ArrayList<>();
		// a background thread has no request: reports are written in Vietnamese
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
		try {
			log.info("Import {}: {} rows, encoding {}", job, table.rows().size(), table.encoding());
			List<Prepared> prepared = validateAll(user, table, mapping, defaultOrganizationId, errors);
			progress(job, prepared.size() / 2, null);
			if (!errors.isEmpty() && !perRow) {
				counts[3] = errors.size();
				finish(job, "DONE", counts, errors, first(errors));
				return;
			}
			counts[3] = errors.size();
			if (perRow) {
				int done = 0;
				for (Prepared p : prepared) {
					try {
						this.own.executeWithoutResult((s) -> counts[write(user, p)]++);
					}
					catch (InvalidInputException | RuleViolationException ex) {
						errors.add(new RowError(p.row(), "", ex instanceof InvalidInputException ie
								? this.messages.describe(ie) : this.messages.describe((RuleViolationException) ex)));
						counts[3]++;
					}
					done++;
					if (done % 20 == 0) {
						progress(job, done, null);
						log.info("Import {}: {}/{}", job, done, prepared.size());
					}
				}
			}
			else {
				try {
					this.own.executeWithoutResult((s) -> writeAll(user, job, prepared, counts));
				}
				catch (InvalidInputException | RuleViolationException ex) {
					counts[0] = 0;
					counts[1] = 0;
					counts[2] = 0;
					counts[3] = 1;
					errors.add(new RowError(0, "", ex.getMessage()));
					finish(job, "DONE", counts, errors, first(errors));
					return;
				}
			}
			log.info("Import {}: done; created {}, updated {}, unchanged {}, rejected {}", job, counts[0], counts[1],
					counts[2], counts[3]);
			finish(job, "DONE", counts, errors, errors.isEmpty() ? null : first(errors));
		}
		catch (RuntimeException ex) {
			log.error("Import {} failed", job, ex);
			errors.add(new RowError(0, "", ex instanceof InvalidInputException ie ? this.messages.describe(ie)
					: this.messages.get("error.unexpected")));
			finish(job, "FAILED", new int[4], errors, first(errors));
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private String first(List<RowError> errors) {
		RowError e = errors.get(0);
		return this.messages.get("import.first-error", e.row(), e.column(), e.message());
	}

	/** The outcome of an import done at once. */
	public record Outcome(int created, int updated, int unchanged, int rejected, List<RowError> errors) {
	}

	/**
	 * Imports a file at once, all or nothing, in the caller's transaction (a new one when
	 * there is none): the same checks and writes as a background run, without the job.
	 * The benchmark calls this to compare with a bulk COPY of the same rows.
	 */
	public Outcome importNow(CurrentUser user, String fileName, byte[] content, Map<Integer, ImportField> chosen,
			Long defaultOrganizationId) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("import");
		}
		Table table = read(fileName, content);
		Map<Integer, ImportField> mapping = chosen != null && !chosen.isEmpty() ? chosen : mappingFor(table.headers());
		return this.tx.execute((s) -> {
			List<RowError> errors = new ArrayList<>();
			List<Prepared> prepared = validateAll(user, table, mapping, defaultOrganizationId, errors);
			if (!errors.isEmpty()) {
				return new Outcome(0, 0, 0, errors.size(), errors);
			}
			int[] counts = new int[4];
			writeAll(user, null, prepared, counts);
			return new Outcome(counts[0], counts[1], counts[2], 0, List.of());
		});
	}

	/**
	 * Writes every prepared row in the caller's transaction: matched rows compared with
	 * the stored records read at once (changed ones corrected one by one, audited each),
	 * new members registered in bulk.
	 */
	private void writeAll(CurrentUser user, Long job, List<Prepared> prepared, int[] counts) {
		Map<Long, MemberBulkRegistration.Stored> stored = this.bulk
			.stored(prepared.stream().map(Prepared::matchId).filter(Objects::nonNull).distinct().toList());
		List<MemberBulkRegistration.NewMember> fresh = new ArrayList<>();
		for (Prepared p : prepared) {
			if (p.matchId() == null) {
				fresh.add(new MemberBulkRegistration.NewMember(p.record(), p.organizationId()));
				continue;
			}
			MemberBulkRegistration.Stored current = stored.get(p.matchId());
			if (same(current.record(), p.record())) {
				counts[2]++;
			}
			else {
				this.members.correct(user, p.matchId(), p.record(), current.version());
				counts[1]++;
			}
		}
		int matched = prepared.size() - fresh.size();
		this.bulk.registerAll(user, fresh, job == null ? "import" : "import " + job, (n) -> {
			if (job != null) {
				progress(job, matched + n, null);
				log.info("Import {}: {}/{}", job, matched + n, prepared.size());
			}
		});
		counts[0] += fresh.size();
	}

	/** Writes one prepared row; answers 0 created, 1 updated, 2 unchanged. */
	private int write(CurrentUser user, Prepared p) {
		if (p.matchId() != null) {
			MemberFile file = this.members.get(user, p.matchId());
			if (same(file.record(), p.record())) {
				return 2;
			}
			this.members.correct(user, p.matchId(), p.record(), file.version());
			return 1;
		}
		Organization org = this.tree.getLatestVisible(user, p.organizationId());
		LocalDate placed = p.record().admissionDecisionDate();
		if (placed.isBefore(org.validFrom())) {
			placed = org.validFrom();
		}
		this.members.register(user, p.record(), p.organizationId(), placed);
		return 0;
	}

	static boolean same(MemberRecord a, MemberRecord b) {
		return Objects.equals(a, b);
	}

	private void progress(long job, long done, String message) {
		this.own.executeWithoutResult((s) -> this.jdbc
			.sql("UPDATE background_job SET done_units = :d, message = coalesce(:m, message) WHERE id = :id")
			.param("d", done)
			.param("m", message)
			.param("id", job)
			.update());
	}

	private void finish(long job, String status, int[] counts, List<RowError> errors, String message) {
		this.own.executeWithoutResult((s) -> {
			this.jdbc.sql("""
					UPDATE background_job SET status = :s, done_units = total_units, message = :m, finished_at = now()
					WHERE id = :id
					""").param("s", status).param("m", message).param("id", job).update();
			this.jdbc.sql("""
					UPDATE import_run SET created = :c, updated = :u, unchanged = :n, rejected = :r, error_report = :e
					WHERE job_id = :id
					""")
				.param("c", counts[0])
				.param("u", counts[1])
				.param("n", counts[2])
				.param("r", counts[3])
				.param("e", errors.isEmpty() ? null : errorCsv(errors))
				.param("id", job)
				.update();
		});
	}

	private String errorCsv(List<RowError> errors) {
		StringBuilder s = new StringBuilder();
		s.append(csv(this.messages.get("import.report.row")))
			.append(',')
			.append(csv(this.messages.get("import.report.column")))
			.append(',')
			.append(csv(this.messages.get("import.report.message")))
			.append('\n');
		for (RowError e : errors) {
			s.append(e.row()).append(',').append(csv(e.column())).append(',').append(csv(e.message())).append('\n');
		}
		return s.toString();
	}

	/** The progress of a run started by anyone in the caller's scope. */
	public Progress progress(CurrentUser user, long job) {
		return this.jdbc
			.sql("""
					SELECT j.id, j.status, j.done_units, j.total_units, r.created, r.updated, r.unchanged, r.rejected, j.message,
					  r.error_report IS NOT NULL, j.started_by,
					  r.default_organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
					FROM background_job j JOIN import_run r ON r.job_id = j.id WHERE j.id = :id
					""")
			.param("id", job)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> {
				// the one who started it, or anyone whose scope holds the organisation it
				// imported into (an administrator of another organisation sees nothing:
				// the error report holds members' data)
				if (!user.global() && !user.username().equals(rs.getString(11)) && !rs.getBoolean(12)) {
					return null;
				}
				return new Progress(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
						rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getBoolean(10));
			})
			.optional()
			.orElseThrow(() -> new NotFoundException("import " + job));
	}

	/** The error report of a run as CSV (UTF-8 with BOM for Excel). */
	public byte[] errorReport(CurrentUser user, long job) {
		progress(user, job);
		String text = this.jdbc.sql("SELECT error_report FROM import_run WHERE job_id = :id")
			.param("id", job)
			.query(String.class)
			.optional()
			.orElse(null);
		if (text == null) {
			throw new NotFoundException("report " + job);
		}
		return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Exports the register of a subtree in a saved layout (or the default one) as CSV or
	 * XLSX; every text that a spreadsheet would read as a formula is neutralised.
	 */
	public byte[] export(CurrentUser user, Long organizationId, Long layoutId, boolean xlsx) {
		List<String> headers = new ArrayList<>();
		List<ImportField> fields = new ArrayList<>();
		Layout layout = layoutId == null ? null
				: layouts().stream()
					.filter((l) -> l.id() == layoutId)
					.findFirst()
					.orElseThrow(() -> new NotFoundException("layout " + layoutId));
		if (layout != null) {
			layout.mapping().forEach((i, f) -> {
				headers.add(layout.headers().get(i));
				fields.add(f);
			});
		}
		else {
			for (ImportField f : ImportField.values()) {
				headers.add(this.messages.get("field." + f.field()));
				fields.add(f);
			}
		}
		List<List<String>> rows = new ArrayList<>();
		LocalDate d = this.today.date();
		int page = 0;
		while (true) {
			var result = this.members.search(user, new Members.Query(null, organizationId, null, d, page, 1000));
			for (MemberListItem item : result.items()) {
				MemberFile f = this.members.get(user, item.id());
				List<String> row = new ArrayList<>();
				for (ImportField field : fields) {
					row.add(neutralise(value(f, field)));
				}
				rows.add(row);
			}
			if (!result.hasNext()) {
				break;
			}
			page++;
		}
		return xlsx ? xlsx(headers, rows) : csvBytes(headers, rows);
	}

	private static String value(MemberFile f, ImportField field) {
		MemberRecord r = f.record();
		switch (field) {
			case FULL_NAME:
				return r.fullName();
			case BIRTH_NAME:
				return r.birthName();
			case SEX:
				return r.sex() == Sex.NAM ? "Nam" : "Nữ";
			case DATE_OF_BIRTH:
				return PartyDates.shortForm(r.dateOfBirth());
			case PLACE_OF_BIRTH:
				return r.placeOfBirth();
			case PLACE_OF_BIRTH_PROVINCE:
				return r.placeOfBirthProvince();
			case HOME_TOWN:
				return r.homeTown();
			case HOME_TOWN_PROVINCE:
				return r.homeTownProvince();
			case ETHNICITY:
				return r.ethnicityCode();
			case RELIGION:
				return r.religionCode();
			case CITIZEN_ID:
				return r.citizenId();
			case PHONE:
				return r.phone();
			case EDUCATION:
				return r.education();
			case POLITICAL_THEORY:
				return r.politicalTheory() == null ? null : r.politicalTheory().name();
			case ADMISSION_DECISION_DATE:
				return PartyDates.shortForm(r.admissionDecisionDate());
			case ADMISSION_CEREMONY_DATE:
				return PartyDates.shortForm(r.admissionCeremonyDate());
			case FULL_MEMBERSHIP_DATE:
				return PartyDates.shortForm(r.fullMembershipDate());
			case PARTY_CARD_NUMBER:
				return r.partyCardNumber();
			case LIFE_HISTORY_NUMBER:
				return r.lifeHistoryNumber();
			case ORGANIZATION:
				return f.organizationName();
			default:
				return null;
		}
	}

	/**
	 * A text a spreadsheet would take for a formula ({@code = + - @}, tab, CR) gets a
	 * leading apostrophe.
	 */
	static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value == null ? "" : value;
		}
		char c = value.charAt(0);
		if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
			return "'" + value;
		}
		return value;
	}

	/** Undoes {@link #neutralise} on import. */
	static String unneutralise(String value) {
		if (value != null && value.length() > 1 && value.charAt(0) == '\'') {
			char c = value.charAt(1);
			if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
				return value.substring(1);
			}
		}
		return value;
	}

	private static byte[] csvBytes(List<String> headers, List<List<String>> rows) {
		StringBuilder s = new StringBuilder("\uFEFF");
		s.append(String.join(",", headers.stream().map(MemberImports::csv).toList())).append("\r\n");
		for (List<String> row : rows) {
			s.append(String.join(",", row.stream().map(MemberImports::csv).toList())).append("\r\n");
		}
		return s.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(List<String> headers, List<List<String>> rows) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("Sheet1");
			Row h = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				h.createCell(i).setCellValue(neutralise(headers.get(i)));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows.get(r).size(); i++) {
					row.createCell(i).setCellValue(neutralise(rows.get(r).get(i)));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String csv(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains(";")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	/** Fields whose columns the mapping form offers. */
	public static Set<ImportField> fields() {
		return new LinkedHashSet<>(List.of(ImportField.values()));
	}

	/** Collects a sheet's rows as text, empty cells as "". */
	private static final class RowCollector
			implements org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler {

		private final List<List<String>> rows;

		private List<String> current;

		RowCollector(List<List<String>> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.current = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			this.rows.add(this.current);
		}

		@Override
		public void cell(String reference, String value, org.apache.poi.xssf.usermodel.XSSFComment comment) {
			int column = reference == null ? this.current.size()
					: new org.apache.poi.ss.util.CellReference(reference).getCol();
			while (this.current.size() < column) {
				this.current.add("");
			}
			this.current.add(value == null ? "" : value);
		}

	}

	/**
	 * Numbers as their plain value whatever their display format: whole numbers without a
	 * decimal point (card numbers, dates as serial numbers).
	 */
	private static final class PlainNumbers extends org.apache.poi.ss.usermodel.DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
			return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
					: String.valueOf(value);
		}

	}

}
