package vn.capuy.membership;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.organization.MemberCounts;

/**
 * Member counts of every organisation on a date, kept in memory for the few dates asked
 * most (today, the date of a report) and computed again whenever a transaction changed a
 * placement or a status: the database keeps a version bumped by every such commit
 * ({@code member_count_version}, V24). The version is read before the counts, so a count
 * is never older than the version it is kept under; every node of a cluster checks the
 * same version, so no node serves counts another node's write has made stale.
 */
@Component
class MemberCountCache {

	private final JdbcClient jdbc;

	private final int dates;

	private final Map<LocalDate, Entry> entries;

	private record Entry(long version, Map<Long, MemberCounts> counts) {
	}

	MemberCountCache(JdbcClient jdbc, @Value("${capuy.member-counts.cached-dates:4}") int dates) {
		this.jdbc = jdbc;
		this.dates = dates;
		this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<LocalDate, Entry> eldest) {
				return size() > MemberCountCache.this.dates;
			}
		});
	}

	/** Counts by organisation on the date (organisations without members are absent). */
	Map<Long, MemberCounts> on(LocalDate date) {
		// a transaction that has written may see placements nobody else sees yet (and
		// that may be rolled back): its counts are computed for it and not kept
		long version = this.jdbc.sql("""
				SELECT CASE WHEN txid_current_if_assigned() IS NULL THEN version ELSE -1 END FROM member_count_version
				""").query(Long.class).single();
		Entry entry = this.entries.get(date);
		if (entry != null && entry.version() == version) {
			return entry.counts();
		}
		Map<Long, MemberCounts> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT ms.organization_id,
				       count(*) FILTER (WHERE st.status = 'FULL'),
				       count(*) FILTER (WHERE st.status = 'PROBATIONARY'),
				       count(*) FILTER (WHERE st.status = 'EXEMPT')
				FROM membership ms
				JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= :d
				  AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND st.status IN ('FULL', 'PROBATIONARY', 'EXEMPT')
				GROUP BY ms.organization_id
				""")
			.param("d", date)
			.query((rs, n) -> counts.put(rs.getLong(1), new MemberCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
			.list();
		Map<Long, MemberCounts> frozen = Collections.unmodifiableMap(counts);
		if (version >= 0) {
			this.entries.put(date, new Entry(version, frozen));
		}
		return frozen;
	}

}
