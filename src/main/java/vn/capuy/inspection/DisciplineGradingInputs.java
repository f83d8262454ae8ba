package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.grading.GradingInputs;
import vn.capuy.system.NotFoundException;

/**
 * What grading learns from discipline (see {@code /work/notes/gradinginputs-spi.md}):
 * decisions dated in the period (both ends inclusive) that were not annulled, with the
 * form in force (the milder one when a complaint reduced it), of a member, of the members
 * who sat on an organisation's committee on the decision date (from the committee
 * module's {@link Posts}), and of organisations strictly under one. Read-only, no scope
 * check (grading checked it), unknown ids give nothing.
 */
@Component
@Transactional(readOnly = true)
class DisciplineGradingInputs implements GradingInputs {

	private static final String SELECT = """
			SELECT v.subject_member_id, v.subject_name,
			  coalesce((SELECT c.reduced_form FROM discipline_complaint c WHERE c.decision_id = d.id
			    AND c.outcome = 'REDUCED' ORDER BY c.decided_on DESC, c.id DESC LIMIT 1), d.form) AS form,
			  d.decision_date
			FROM discipline_decision d JOIN discipline_violation v ON v.id = d.violation_id
			WHERE d.status <> 'ANNULLED' AND d.decision_date >= :from AND d.decision_date <= :to
			""";

	private final JdbcClient jdbc;

	private final ObjectProvider<Posts> posts;

	DisciplineGradingInputs(JdbcClient jdbc, ObjectProvider<Posts> posts) {
		this.jdbc = jdbc;
		this.posts = posts;
	}

	private record Found(Long memberId, DisciplineRecord record) {
	}

	private static Found map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Found((Long) rs.getObject(1),
				new DisciplineRecord(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
	}

	@Override
	public List<DisciplineRecord> disciplineOfMember(long memberId, LocalDate from, LocalDate to) {
		return disciplineOfMembers(List.of(memberId), from, to).getOrDefault(memberId, List.of());
	}

	/**
	 * The batch form grading may ask (no {@code @Override}: the method joins the SPI when
	 * grading's batch default arrives).
	 */
	public Map<Long, List<DisciplineRecord>> disciplineOfMembers(Collection<Long> memberIds, LocalDate from,
			LocalDate to) {
		Map<Long, List<DisciplineRecord>> byMember = new LinkedHashMap<>();
		if (memberIds.isEmpty() || from == null || to == null) {
			return byMember;
		}
		this.jdbc.sql(SELECT + " AND v.subject_member_id = ANY(:ids) ORDER BY d.decision_date, d.id")
			.param("from", from)
			.param("to", to)
			.param("ids", memberIds.toArray(new Long[0]))
			.query(DisciplineGradingInputs::map)
			.list()
			.forEach((f) -> byMember.computeIfAbsent(f.memberId(), (k) -> new ArrayList<>()).add(f.record()));
		return byMember;
	}

	@Override
	public List<DisciplineRecord> disciplineOfLeadership(long organizationId, LocalDate from, LocalDate to) {
		Posts source = this.posts.getIfAvailable();
		if (source == null || from == null || to == null) {
			return List.of();
		}
		List<Posts.Seat> seats;
		try {
			seats = source.executiveSeats(organizationId).orElse(List.of());
		}
		catch (NotFoundException ex) {
			return List.of();
		}
		if (seats.isEmpty()) {
			return List.of();
		}
		List<Long> ids = seats.stream().map(Posts.Seat::memberId).distinct().toList();
		List<DisciplineRecord> records = new ArrayList<>();
		this.jdbc.sql(SELECT + " AND v.subject_member_id = ANY(:ids) ORDER BY d.decision_date, d.id")
			.param("from", from)
			.param("to", to)
			.param("ids", ids.toArray(new Long[0]))
			.query(DisciplineGradingInputs::map)
			.list()
			.stream()
			.filter((f) -> seats.stream()
				.anyMatch((s) -> s.memberId() == f.memberId() && s.heldOn(f.record().decidedOn())))
			.forEach((f) -> records.add(f.record()));
		return records;
	}

	@Override
	public List<DisciplineRecord> disciplineOfSubordinates(long organizationId, LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + """
				 AND v.subject_organization_id IS NOT NULL AND v.subject_organization_id <> :org
				 AND v.subject_organization_id IN (
				   SELECT x.id FROM organization_visible(ARRAY[:org]::bigint[], false, d.decision_date) x)
				ORDER BY d.decision_date, d.id
				""")
			.param("from", from)
			.param("to", to)
			.param("org", organizationId)
			.query(DisciplineGradingInputs::map)
			.list()
			.stream()
			.map(Found::record)
			.toList();
	}

}
