package vn.capuy.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.system.ReviewContribution;
import vn.capuy.system.ScopeRef;

/**
 * The document module's annex tables for a drafted review report: documents issued per
 * year by type, and study sessions with attendance per year, over the period and scope.
 */
@Component
class DocumentFigures implements ReviewContribution {

	private final JdbcClient jdbc;

	private final StudySessions study;

	DocumentFigures(JdbcClient jdbc, StudySessions study) {
		this.jdbc = jdbc;
		this.study = study;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public List<AnnexTable> tables(ScopeRef scope, LocalDate from, LocalDate to) {
		return List.of(issued(scope, from, to), study(scope, from, to));
	}

	AnnexTable issued(ScopeRef scope, LocalDate from, LocalDate to) {
		Map<Integer, Map<DocumentType, Long>> counts = new TreeMap<>();
		this.jdbc.sql("""
				SELECT CAST(date_part('year', d.issued_on) AS int), d.doc_type, count(*) FROM document d
				WHERE d.direction = 'ISSUED' AND d.issued_on >= :from AND d.issued_on <= :to
				  AND d.issuer_org_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
				    WHERE v.valid_from <= d.issued_on AND (v.valid_to IS NULL OR v.valid_to > d.issued_on))
				GROUP BY 1, 2
				""")
			.param("from", from)
			.param("to", to)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs, n) -> counts.computeIfAbsent(rs.getInt(1), (y) -> new java.util.EnumMap<>(DocumentType.class))
				.put(DocumentType.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
		List<DocumentType> types = counts.values()
			.stream()
			.flatMap((m) -> m.keySet().stream())
			.distinct()
			.sorted()
			.toList();
		List<String> columns = new ArrayList<>();
		columns.add("document.review.year");
		types.forEach((t) -> columns.add("document.type." + t.name()));
		columns.add("document.review.total");
		List<List<Object>> rows = new ArrayList<>();
		counts.forEach((year, byType) -> {
			List<Object> row = new ArrayList<>();
			row.add(String.valueOf(year));
			long sum = 0;
			for (DocumentType t : types) {
				long c = byType.getOrDefault(t, 0L);
				row.add(c);
				sum += c;
			}
			row.add(sum);
			rows.add(row);
		});
		return new AnnexTable("document.review.issued", columns, rows);
	}

	AnnexTable study(ScopeRef scope, LocalDate from, LocalDate to) {
		List<List<Object>> rows = new ArrayList<>();
		this.study.perYear(scope, from, to).forEach((year, f) -> {
			String rate = f[2] == 0 ? ""
					: String.format(java.util.Locale.ROOT, "%.1f", 100.0 * f[3] / f[2]).replace('.', ',');
			rows.add(List.of(String.valueOf(year), f[0], f[1], f[2], f[3], rate));
		});
		return new AnnexTable("document.review.study",
				List.of("document.review.year", "document.review.sessions", "document.review.organizations",
						"document.review.expected", "document.review.present", "document.review.rate"),
				rows);
	}

}
