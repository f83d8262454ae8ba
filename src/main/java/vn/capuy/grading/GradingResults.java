package vn.capuy.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.document.Hd36Document;
import vn.capuy.identity.CurrentUser;
import vn.capuy.system.AlertSource;
import vn.capuy.system.HomeAlert;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.ReviewContribution;
import vn.capuy.system.ScopeRef;

/**
 * What a campaign came to for any subtree: grades of organisations and members, quota use
 * per deciding organisation, changes from the previous period, who did not complete their
 * tasks and why, and the consequences to weigh (two years running). Exports them to XLSX
 * and to a report in the HD 36 layout; contributes the yearly distribution to review
 * reports and the consequences to the home page.
 */
@Service
@Transactional(readOnly = true)
public class GradingResults implements ReviewContribution, AlertSource {

	private final JdbcClient jdbc;

	private final GradingCampaigns campaigns;

	private final Messages messages;

	GradingResults(JdbcClient jdbc, GradingCampaigns campaigns, Messages messages) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.messages = messages;
	}

	/** Counts per grade, with those not decided yet. */
	public record Distribution(Map<Grade, Integer> counts, int undecided) {

		public int total() {
			return this.counts.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int get(Grade grade) {
			return this.counts.getOrDefault(grade, 0);
		}

	}

	/** How grades moved from the previous period for subjects graded in both. */
	public record Changes(Long previousCampaignId, String previousPeriod, int better, int same, int worse,
			int firstTime) {
	}

	/** A subject graded KHTNV, with the reasons recorded. */
	public record NotCompleted(long reviewId, String subjectKind, String subjectName, String organizationName,
			BigDecimal score, String reason) {
	}

	/** The results of a campaign for a subtree. */
	public record Results(Campaign campaign, Long organizationId, Distribution organizations, Distribution members,
			List<GradingCampaigns.Quota> quotas, int quotaUsed, int quotaAllowed, Changes changes,
			List<NotCompleted> notCompleted) {
	}

	/**
	 * The results of a campaign for the subtree of an organisation (null: everything of
	 * the campaign the caller sees); 404 when the organisation is outside the caller's
	 * scope on the last day of the period.
	 */
	public Results results(CurrentUser user, long campaignId, Long organizationId) {
		Campaign c = this.campaigns.campaign(user, campaignId);
		ScopeRef scope = user.scope();
		if (organizationId != null && !visible(scope, organizationId, c.periodTo())) {
			throw new NotFoundException("organization " + organizationId);
		}
		Map<String, Object> params = params(scope, c, organizationId);
		String where = where(organizationId);
		Map<String, Map<Grade, Integer>> counts = new HashMap<>();
		Map<String, Integer> undecided = new HashMap<>();
		this.jdbc
			.sql("SELECT r.subject_kind, r.decided_grade, count(*) FROM grading_review r " + where
					+ " GROUP BY r.subject_kind, r.decided_grade")
			.params(params)
			.query((rs, n) -> {
				String kind = rs.getString(1);
				String grade = rs.getString(2);
				if (grade == null) {
					undecided.merge(kind, rs.getInt(3), Integer::sum);
				}
				else {
					counts.computeIfAbsent(kind, (k) -> new EnumMap<>(Grade.class))
						.put(Grade.valueOf(grade), rs.getInt(3));
				}
				return null;
			})
			.list();
		GradingRules rules = this.campaigns.rulesOf(c);
		List<GradingCampaigns.Quota> quotas = new ArrayList<>();
		this.jdbc.sql("""
				SELECT r.deciding_organization_id, r.subject_kind, count(*) FILTER (WHERE r.decided_grade = 'HTXS'),
				       count(*) FILTER (WHERE r.decided_grade = 'HTT')
				FROM grading_review r
				""" + where + " GROUP BY r.deciding_organization_id, r.subject_kind ORDER BY 1, 2")
			.params(params)
			.query((rs,
					n) -> quotas.add(new GradingCampaigns.Quota(rs.getLong(1), rs.getString(2), rs.getInt(3),
							rs.getInt(4), rules.quotaAllowed(rs.getInt(4)), Grader.percent(rules.quotaShare()),
							rules.quota().sourceDocument(), rules.quota().confidence())))
			.list();
		List<NotCompleted> notCompleted = this.jdbc
			.sql("""
					SELECT r.id, r.subject_kind, r.subject_name, r.organization_name, coalesce(r.proposed_score, r.self_score),
					       concat_ws(' — ', r.decision_reason, r.proposed_reason)
					FROM grading_review r
					"""
					+ where
					+ """
							 AND r.decided_grade = 'KHTNV'
							ORDER BY r.subject_kind DESC, r.organization_name COLLATE vi_vn, r.subject_name COLLATE vi_vn
							""")
			.params(params)
			.query((rs, n) -> new NotCompleted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getString(6)))
			.list();
		return new Results(c, organizationId, distribution(counts, undecided, Review.ORGANIZATION),
				distribution(counts, undecided, Review.MEMBER), quotas,
				quotas.stream().mapToInt(GradingCampaigns.Quota::htxs).sum(),
				quotas.stream().mapToInt(GradingCampaigns.Quota::allowed).sum(), changes(user, c, params, where),
				notCompleted);
	}

	private Changes changes(CurrentUser user, Campaign c, Map<String, Object> params, String where) {
		Optional<Campaign> previous = this.campaigns.previous(user, c);
		if (previous.isEmpty()) {
			return new Changes(null, null, 0, 0, 0, 0);
		}
		Map<String, Object> p = new HashMap<>(params);
		p.put("prev", previous.get().id());
		// a member is the same person across restructuring (one grade of the previous
		// campaign per member, the first recorded if a member was reviewed in two
		// organisations); an organisation is matched by its id and collective. Two hash
		// joins over the two campaigns: a lookup per review (a lateral join) took seconds
		// at the scale of a province
		int[] counts = this.jdbc.sql("""
				WITH prev_member AS (
				    SELECT DISTINCT ON (p.member_id, p.subject_kind) p.member_id, p.subject_kind, p.decided_grade
				    FROM grading_review p
				    WHERE p.campaign_id = :prev AND p.member_id IS NOT NULL AND p.decided_grade IS NOT NULL
				    ORDER BY p.member_id, p.subject_kind, p.id),
				prev_org AS (
				    SELECT p.organization_id, p.collective, p.subject_kind, p.decided_grade
				    FROM grading_review p
				    WHERE p.campaign_id = :prev AND p.member_id IS NULL AND p.decided_grade IS NOT NULL),
				pairs AS (
				    SELECT r.decided_grade AS grade_now, coalesce(pm.decided_grade, po.decided_grade) AS grade_before
				    FROM grading_review r
				    LEFT JOIN prev_member pm ON r.member_id IS NOT NULL AND pm.member_id = r.member_id
				      AND pm.subject_kind = r.subject_kind
				    LEFT JOIN prev_org po ON r.member_id IS NULL AND po.organization_id = r.organization_id
				      AND po.collective = r.collective AND po.subject_kind = r.subject_kind
				""" + where + """
				      AND r.decided_grade IS NOT NULL)
				SELECT count(*) FILTER (WHERE grade_before IS NOT NULL
				         AND array_position(ARRAY['HTXS','HTT','HTNV','KHTNV'], grade_now)
				           < array_position(ARRAY['HTXS','HTT','HTNV','KHTNV'], grade_before)),
				       count(*) FILTER (WHERE grade_before = grade_now),
				       count(*) FILTER (WHERE grade_before IS NOT NULL
				         AND array_position(ARRAY['HTXS','HTT','HTNV','KHTNV'], grade_now)
				           > array_position(ARRAY['HTXS','HTT','HTNV','KHTNV'], grade_before)),
				       count(*) FILTER (WHERE grade_before IS NULL)
				FROM pairs
				""")
			.params(p)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) })
			.single();
		return new Changes(previous.get().id(), previous.get().period(), counts[0], counts[1], counts[2], counts[3]);
	}

	private static Distribution distribution(Map<String, Map<Grade, Integer>> counts, Map<String, Integer> undecided,
			String kind) {
		Map<Grade, Integer> map = new EnumMap<>(Grade.class);
		for (Grade g : Grade.values()) {
			map.put(g, counts.getOrDefault(kind, Map.of()).getOrDefault(g, 0));
		}
		return new Distribution(map, undecided.getOrDefault(kind, 0));
	}

	private static Map<String, Object> params(ScopeRef scope, Campaign c, Long organizationId) {
		Map<String, Object> params = new HashMap<>();
		params.put("c", c.id());
		params.put("roots", scope.roots());
		params.put("global", scope.global());
		params.put("d", c.periodTo());
		if (organizationId != null) {
			params.put("org", organizationId);
		}
		return params;
	}

	private static String where(Long organizationId) {
		String where = """
				WHERE r.campaign_id = :c
				  AND r.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				""";
		if (organizationId != null) {
			where += """
					 AND r.organization_id IN (SELECT cl.descendant_id FROM organization_closure cl
					   WHERE cl.ancestor_id = :org AND cl.valid_from <= :d AND (cl.valid_to IS NULL OR cl.valid_to > :d))
					""";
		}
		return where;
	}

	private boolean visible(ScopeRef scope, long organizationId, LocalDate d) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM organization_visible(:roots, :global, :d) v WHERE v.id = :org)")
			.param("roots", scope.roots())
			.param("global", scope.global())
			.param("d", d)
			.param("org", organizationId)
			.query(Boolean.class)
			.single();
	}

	// ---------------------------------------------------------------- consequences

	/**
	 * A member to consider: not completed (or violating membership standards) N years
	 * running ({@code years} = N), or absent from meetings without a valid reason
	 * ({@code years} = the number of absences).
	 */
	public record Flag(long campaignId, long memberId, String memberName, long organizationId, String organizationName,
			String kind, int years) {
	}

	/**
	 * Members of a yearly campaign graded KHTNV, or found violating membership standards,
	 * in each of the last N yearly campaigns (N from the rule book): the cell considers
	 * removing them from the roll.
	 */
	public List<Flag> consequences(ScopeRef scope, Campaign c) {
		if (c.periodKind() != PeriodKind.YEAR) {
			return List.of();
		}
		GradingRules rules = this.campaigns.rulesOf(c);
		int years = rules.consecutiveYears();
		return this.jdbc.sql("""
				SELECT r.member_id, r.subject_name, r.organization_id, r.organization_name,
				       (SELECT count(DISTINCT extract(year FROM c2.period_to)) FROM grading_review r2
				        JOIN grading_campaign c2 ON c2.id = r2.campaign_id AND c2.period_kind = 'YEAR'
				        WHERE r2.member_id = r.member_id AND r2.decided_grade = 'KHTNV'
				          AND extract(year FROM c2.period_to) BETWEEN :year - :n + 1 AND :year) AS khtnv_years,
				       (SELECT count(DISTINCT extract(year FROM c2.period_to)) FROM grading_review r2
				        JOIN grading_campaign c2 ON c2.id = r2.campaign_id AND c2.period_kind = 'YEAR'
				        WHERE r2.member_id = r.member_id AND r2.violated_standards AND r2.decided_grade IS NOT NULL
				          AND extract(year FROM c2.period_to) BETWEEN :year - :n + 1 AND :year) AS violation_years,
				       coalesce(r.known_unexcused, 0) AS unexcused
				FROM grading_review r
				WHERE r.campaign_id = :c AND r.subject_kind = 'MEMBER'
				  AND ((r.decided_grade IS NOT NULL AND (r.decided_grade = 'KHTNV' OR r.violated_standards))
				       OR r.known_unexcused >= :absences)
				  AND r.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				ORDER BY r.organization_name COLLATE vi_vn, r.subject_name COLLATE vi_vn
				""")
			.param("c", c.id())
			.param("year", c.periodTo().getYear())
			.param("n", years)
			.param("absences", rules.unexcusedAbsences())
			.param("roots", scope.roots())
			.param("global", scope.global())
			.param("d", c.periodTo())
			.query((rs, n) -> {
				List<Flag> flags = new ArrayList<>();
				if (rs.getInt(6) >= years) {
					flags.add(new Flag(c.id(), rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
							"REMOVAL_CONSIDERATION", years));
				}
				if (rs.getInt(5) >= years) {
					flags.add(new Flag(c.id(), rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
							"KHTNV_CONSECUTIVE", years));
				}
				if (rs.getInt(7) >= rules.unexcusedAbsences()) {
					flags.add(new Flag(c.id(), rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
							"UNEXCUSED_ABSENCES", rs.getInt(7)));
				}
				return flags;
			})
			.list()
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	/**
	 * The cell's alerts: members flagged in the yearly campaigns of this or last year.
	 */
	@Override
	public List<HomeAlert> alerts(ScopeRef scope, LocalDate today) {
		List<Campaign> recent = this.jdbc
			.sql(GradingCampaigns.CAMPAIGN + " WHERE c.period_kind = 'YEAR'"
					+ " AND extract(year FROM c.period_to) >= :year - 1 AND " + GradingCampaigns.CAMPAIGN_VISIBLE)
			.param("year", today.getYear())
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query(GradingCampaigns::mapCampaign)
			.list();
		List<HomeAlert> alerts = new ArrayList<>();
		for (Campaign c : recent) {
			for (Flag f : consequences(scope, c)) {
				alerts.add(new HomeAlert("grading.alert." + f.kind(),
						new Object[] { f.memberName(), f.organizationName(), f.years(), c.period() },
						"/grading/campaigns/" + c.id(), null, HomeAlert.Severity.HIGH));
			}
		}
		return alerts;
	}

	// ---------------------------------------------------------------- review reports

	@Override
	public int order() {
		return 80;
	}

	/**
	 * Grades decided in yearly campaigns, per year of the period, for organisations and
	 * members of organisations in the scope at the end of the year graded (not those that
	 * had left it, such as the cells a split gave to another committee).
	 */
	@Override
	public List<AnnexTable> tables(ScopeRef scope, LocalDate from, LocalDate to) {
		List<List<Object>> rows = new ArrayList<>();
		this.jdbc
			.sql("""
					SELECT extract(year FROM c.period_to)::int AS y, r.subject_kind,
					       count(*) FILTER (WHERE r.decided_grade = 'HTXS'), count(*) FILTER (WHERE r.decided_grade = 'HTT'),
					       count(*) FILTER (WHERE r.decided_grade = 'HTNV'),
					       count(*) FILTER (WHERE r.decided_grade = 'KHTNV')
					FROM grading_review r JOIN grading_campaign c ON c.id = r.campaign_id
					WHERE c.period_kind = 'YEAR' AND c.period_to >= :from AND c.period_to <= :to
					  AND r.decided_grade IS NOT NULL
					  AND r.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
					                            WHERE v.valid_from <= c.period_to
					                              AND (v.valid_to IS NULL OR v.valid_to > c.period_to))
					GROUP BY 1, 2 ORDER BY 1, 2 DESC
					""")
			.param("from", from)
			.param("to", to)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs,
					n) -> rows.add(List.of(String.valueOf(rs.getInt(1)), "grading.kind." + rs.getString(2),
							rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))))
			.list();
		return List.of(new AnnexTable("grading.annex.title", List.of("field.year", "grading.annex.subject",
				"grading.grade.HTXS", "grading.grade.HTT", "grading.grade.HTNV", "grading.grade.KHTNV"), rows));
	}

	// ---------------------------------------------------------------- exports

	/** The results and the list of reviews as an XLSX workbook. */
	public byte[] xlsx(CurrentUser user, long campaignId, Long organizationId) {
		Results results = results(user, campaignId, organizationId);
		List<Review> reviews = this.campaigns.reviews(user, campaignId, null, null, organizationId);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet summary = book.createSheet(this.messages.get("grading.export.summary"));
			int i = 0;
			header(summary.createRow(i++), this.messages.get("grading.annex.subject"), grade(Grade.HTXS),
					grade(Grade.HTT), grade(Grade.HTNV), grade(Grade.KHTNV), this.messages.get("grading.undecided"));
			distributionRow(summary.createRow(i++), this.messages.get("grading.kind.ORGANIZATION"),
					results.organizations());
			distributionRow(summary.createRow(i++), this.messages.get("grading.kind.MEMBER"), results.members());
			i++;
			Row quota = summary.createRow(i++);
			quota.createCell(0).setCellValue(this.messages.get("grading.quota.used"));
			quota.createCell(1).setCellValue(results.quotaUsed());
			quota.createCell(2).setCellValue(results.quotaAllowed());
			Sheet list = book.createSheet(this.messages.get("grading.export.list"));
			int j = 0;
			header(list.createRow(j++), this.messages.get("grading.subject"), this.messages.get("grading.organization"),
					this.messages.get("grading.form"), this.messages.get("grading.score"),
					this.messages.get("grading.self-grade"), this.messages.get("grading.proposed-grade"),
					this.messages.get("grading.decided-grade"), this.messages.get("grading.reason"));
			for (Review r : reviews) {
				Row row = list.createRow(j++);
				row.createCell(0).setCellValue(subject(r));
				row.createCell(1).setCellValue(r.organizationName());
				row.createCell(2).setCellValue(this.messages.get("grading.form." + r.form()));
				if (r.currentScore() != null) {
					row.createCell(3).setCellValue(r.currentScore().doubleValue());
				}
				row.createCell(4).setCellValue(r.selfGrade() == null ? "" : r.selfGrade().name());
				row.createCell(5).setCellValue(r.proposedGrade() == null ? "" : r.proposedGrade().name());
				row.createCell(6).setCellValue(r.decidedGrade() == null ? "" : r.decidedGrade().name());
				row.createCell(7)
					.setCellValue(String.join(" — ",
							java.util.stream.Stream.of(r.decisionReason(), r.proposedReason(), r.quotaExceptionReason())
								.filter(java.util.Objects::nonNull)
								.toList()));
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The report on the campaign's results in the HD 36 layout. */
	public byte[] docx(CurrentUser user, long campaignId, Long organizationId) {
		Results results = results(user, campaignId, organizationId);
		Campaign c = results.campaign();
		GradingRules rules = this.campaigns.rulesOf(c);
		List<List<String>> rows = new ArrayList<>();
		rows.add(distributionCells(this.messages.get("grading.kind.ORGANIZATION"), results.organizations()));
		rows.add(distributionCells(this.messages.get("grading.kind.MEMBER"), results.members()));
		Hd36Document doc = Hd36Document.create()
			.superior(c.rootName())
			.issuer(c.rootName())
			.symbol("-BC")
			.placeAndDate(null, c.publishedOn() != null ? c.publishedOn() : c.decisionDeadline())
			.title(this.messages.get("grading.report.type"), this.messages.get("grading.report.subject", c.period()))
			.paragraph(this.messages.get("grading.report.intro", c.title(), rules.bandSource(),
					rules.quota().sourceDocument()))
			.heading(this.messages.get("grading.report.distribution"))
			.table(List.of(this.messages.get("grading.annex.subject"), grade(Grade.HTXS), grade(Grade.HTT),
					grade(Grade.HTNV), grade(Grade.KHTNV), this.messages.get("grading.undecided")), rows)
			.paragraph(this.messages.get("grading.report.quota", results.quotaUsed(), results.quotaAllowed(),
					Grader.percent(rules.quotaShare())));
		if (results.changes().previousCampaignId() != null) {
			doc.paragraph(this.messages.get("grading.report.changes", results.changes().previousPeriod(),
					results.changes().better(), results.changes().same(), results.changes().worse()));
		}
		if (!results.notCompleted().isEmpty()) {
			doc.heading(this.messages.get("grading.report.khtnv"));
			doc.table(List.of(this.messages.get("grading.subject"), this.messages
				.get("grading.organization"), this.messages.get("grading.reason")), results.notCompleted()
					.stream()
					.map((n) -> List.of(n.subjectName(), n.organizationName(), n.reason() == null ? "" : n.reason()))
					.toList());
		}
		return doc
			.signature(this.messages.get("grading.report.authority"), this.messages.get("grading.report.signer"), "")
			.recipients(List.of(this.messages.get("grading.report.recipient")))
			.toDocx();
	}

	private String subject(Review r) {
		return r.isMember() ? r.subjectName()
				: this.messages.get("grading.collective." + r.collective()) + " " + r.subjectName();
	}

	private String grade(Grade g) {
		return this.messages.get("grading.grade." + g.name());
	}

	private List<String> distributionCells(String label, Distribution d) {
		List<String> cells = new ArrayList<>();
		cells.add(label);
		for (Grade g : Grade.values()) {
			cells.add(String.valueOf(d.get(g)));
		}
		cells.add(String.valueOf(d.undecided()));
		return cells;
	}

	private static void header(Row row, String... labels) {
		for (int i = 0; i < labels.length; i++) {
			row.createCell(i).setCellValue(labels[i]);
		}
	}

	private static void distributionRow(Row row, String label, Distribution d) {
		row.createCell(0).setCellValue(label);
		int i = 1;
		for (Grade g : Grade.values()) {
			row.createCell(i++).setCellValue(d.get(g));
		}
		row.createCell(i).setCellValue(d.undecided());
	}

}
