package vn.capuy.grading;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Changes from the previous period" of the results page, for every published campaign of
 * the sample that has a previous one, against an independent SQL count: a member is
 * matched by person, an organisation by its id and collective.
 */
@FullTest
class GradingChangesTests {

	@Autowired
	GradingResults results;

	@Autowired
	JdbcClient jdbc;

	@Test
	void betterSameWorseAndFirstTimeEqualAnIndependentCount() {
		List<Long> campaigns = this.jdbc.sql("SELECT id FROM grading_campaign WHERE status = 'PUBLISHED' ORDER BY id")
			.query(Long.class)
			.list();
		int compared = 0;
		for (long id : campaigns) {
			GradingResults.Changes changes = this.results.results(CurrentUser.system(), id, null).changes();
			if (changes.previousCampaignId() == null) {
				continue;
			}
			compared++;
			int[] expected = this.jdbc
				.sql("""
						WITH pair AS (
						  SELECT r.decided_grade AS now,
						         (SELECT p.decided_grade FROM grading_review p
						          WHERE p.campaign_id = :prev AND p.subject_kind = r.subject_kind AND p.decided_grade IS NOT NULL
						            AND CASE WHEN r.member_id IS NOT NULL THEN p.member_id = r.member_id
						                     ELSE p.member_id IS NULL AND p.organization_id = r.organization_id
						                          AND p.collective = r.collective END
						          LIMIT 1) AS before
						  FROM grading_review r WHERE r.campaign_id = :c AND r.decided_grade IS NOT NULL
						), ranked AS (
						  SELECT CASE now WHEN 'HTXS' THEN 1 WHEN 'HTT' THEN 2 WHEN 'HTNV' THEN 3 ELSE 4 END AS n,
						         CASE before WHEN 'HTXS' THEN 1 WHEN 'HTT' THEN 2 WHEN 'HTNV' THEN 3 WHEN 'KHTNV' THEN 4 END AS b
						  FROM pair
						)
						SELECT count(*) FILTER (WHERE b IS NOT NULL AND n < b), count(*) FILTER (WHERE n = b),
						       count(*) FILTER (WHERE b IS NOT NULL AND n > b), count(*) FILTER (WHERE b IS NULL)
						FROM ranked
						""")
				.param("c", id)
				.param("prev", changes.previousCampaignId())
				.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) })
				.single();
			assertThat(new int[] { changes.better(), changes.same(), changes.worse(), changes.firstTime() })
				.as("campaign %d against %d", id, changes.previousCampaignId())
				.containsExactly(expected);
		}
		assertThat(compared).as("published campaigns with a previous one in the sample").isPositive();
	}

}
