package vn.capuy.directive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.system.BackgroundJobs;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

/**
 * Drafting the review report (its DOCX, {@link ReviewReport}) as a background job, the
 * same way as the member import: the run is a {@code background_job} row (kind
 * {@code REVIEW_REPORT}) with its review in {@code review_report_run}, its progress
 * counted in drafting steps, and it runs while holding its advisory lock
 * ({@link BackgroundJobs#runHolding}), so a run killed with the process is swept to
 * FAILED with the message {@code job.interrupted}. The finished DOCX is written to
 * {@code review_report_file} in ONE transaction with the job's DONE status: a killed run
 * leaves no file. A newer run supersedes the older file, which stays. Seen by whoever
 * sees the review's report (the committee's subtree, in SQL); outside it every job and
 * file answers 404.
 */
@Service
public class ReviewReportJobs {

	static final String KIND = "REVIEW_REPORT";

	private static final Logger log = LoggerFactory.getLogger(ReviewReportJobs.class);

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final JdbcClient jdbc;

	private final ReviewReport report;

	private final BackgroundJobs jobs;

	private final AuditLog audit;

	private final Messages messages;

	private final TaskExecutor executor;

	private final TransactionTemplate own;

	private final Duration pause;

	ReviewReportJobs(JdbcClient jdbc, ReviewReport report, BackgroundJobs jobs, AuditLog audit, Messages messages,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, PlatformTransactionManager transactions,
			@Value("${capuy.jobs.drafting-pause:0}") Duration pause) {
		this.jdbc = jdbc;
		this.report = report;
		this.jobs = jobs;
		this.audit = audit;
		this.messages = messages;
		this.executor = executor;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.pause = pause;
	}

	/**
	 * A drafting run: its status and progress (the same names as an import's), its
	 * review, and the file it wrote when DONE.
	 */
	public record Job(long id, String status, long done, long total, String message, long reviewId, Instant startedAt,
			Instant finishedAt, String startedBy, Long fileId, Instant draftedAt, Long sizeBytes, String downloadUrl) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

		public boolean failed() {
			return "FAILED".equals(this.status);
		}

		/** When the file was written, in Vietnam time (HH:mm dd/MM/yyyy). */
		public String draftedAtText() {
			return this.draftedAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
				.format(this.draftedAt.atZone(vn.capuy.system.Today.VIETNAM));
		}

		/** Percent done, for the screen reader's text of the progress bar. */
		public long percent() {
			return this.total <= 0 ? 0 : Math.min(100, this.done * 100 / this.total);
		}

	}

	/**
	 * What the review page shows: the latest run (running, failed or done) and the latest
	 * finished file (null when none).
	 */
	public record Drafting(long reviewId, Job latest, Job file) {
	}

	/** A stored DOCX. */
	public record StoredFile(String name, byte[] content) {
	}

	/**
	 * Starts drafting the review's report in the background; answers the job id (the
	 * running one's if the review is being drafted already, by a run that holds its
	 * lock). Outside the caller's scope: 404.
	 */
	public long start(CurrentUser user, long reviewId) {
		int total = this.report.steps(user, reviewId);
		long[] started = { 0 };
		Long id = this.own.execute((s) -> {
			// one run at a time per review: the review row is the latch
			this.jdbc.sql("SELECT id FROM review WHERE id = :id FOR UPDATE")
				.param("id", reviewId)
				.query(Long.class)
				.optional();
			Map<String, Object> running = this.jdbc.sql("""
					SELECT j.id, j.started_at > now() - interval '30 seconds' AS young
					FROM background_job j JOIN review_report_run r ON r.job_id = j.id
					WHERE r.review_id = :review AND j.status = 'RUNNING' ORDER BY j.id DESC LIMIT 1
					""").param("review", reviewId).query().listOfRows().stream().findFirst().orElse(null);
			// a run still marked RUNNING whose lock nobody holds (and not just queued)
			// was
			// interrupted (the sweep will mark it): it does not stop a new run
			if (running != null) {
				long other = ((Number) running.get("id")).longValue();
				if (Boolean.TRUE.equals(running.get("young")) || this.jobs.locked(other)) {
					return other;
				}
			}
			long job = this.jdbc
				.sql("""
						INSERT INTO background_job (kind, status, total_units, started_by) VALUES (:kind, 'RUNNING', :t, :by)
						RETURNING id
						""")
				.param("kind", KIND)
				.param("t", total)
				.param("by", user.username())
				.query(Long.class)
				.single();
			this.jdbc.sql("INSERT INTO review_report_run (job_id, review_id) VALUES (:job, :review)")
				.param("job", job)
				.param("review", reviewId)
				.update();
			this.audit.record(user.username(), "REVIEW_REPORT_START", "background_job", job, null,
					Map.of("review", reviewId, "steps", total));
			started[0] = job;
			return job;
		});
		if (started[0] != 0) {
			long job = started[0];
			this.executor.execute(() -> this.jobs.runHolding(job, () -> run(user, job, reviewId)));
		}
		return id;
	}

	/** Drafts the DOCX step by step, then stores it with the DONE status at once. */
	void run(CurrentUser user, long job, long reviewId) {
		// a background thread has no request: the document and messages are Vietnamese
		LocaleContextHolder.setLocale(VIETNAMESE);
		try {
			log.info("Review report {}: drafting review {}", job, reviewId);
			byte[] docx = this.report.docx(user, reviewId, (done, total) -> {
				progress(job, done, total);
				log.info("Review report {}: {}/{}", job, done, total);
				pause();
			});
			String sha = sha256(docx);
			this.own.executeWithoutResult((s) -> {
				long file = this.jdbc
					.sql("""
							INSERT INTO review_report_file (job_id, review_id, file_name, size_bytes, sha256, content, drafted_by)
							VALUES (:job, :review, :name, :size, :sha, :content, :by)
							RETURNING id
							""")
					.param("job", job)
					.param("review", reviewId)
					.param("name", "bao-cao-" + reviewId + "-" + job + ".docx")
					.param("size", docx.length)
					.param("sha", sha)
					.param("content", docx)
					.param("by", user.username())
					.query(Long.class)
					.single();
				this.jdbc
					.sql("""
							UPDATE background_job SET status = 'DONE', done_units = total_units, message = NULL, finished_at = now()
							WHERE id = :id
							""")
					.param("id", job)
					.update();
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("review", reviewId);
				after.put("file", file);
				after.put("bytes", docx.length);
				after.put("sha256", sha);
				this.audit.record(user.username(), "REVIEW_REPORT_DONE", "background_job", job, null, after);
			});
			log.info("Review report {}: done, {} bytes", job, docx.length);
		}
		catch (RuntimeException ex) {
			log.error("Review report {} failed", job, ex);
			String message = ex instanceof InvalidInputException ie ? this.messages.describe(ie)
					: ex instanceof RuleViolationException re ? this.messages.describe(re)
							: ex instanceof NotFoundException ? this.messages.get("review.job.gone")
									: this.messages.get("error.unexpected");
			this.own.executeWithoutResult((s) -> {
				this.jdbc.sql("""
						UPDATE background_job SET status = 'FAILED', message = :m, finished_at = now()
						WHERE id = :id AND status = 'RUNNING'
						""").param("m", message).param("id", job).update();
				this.audit.record(user.username(), "REVIEW_REPORT_FAILED", "background_job", job, null,
						Map.of("review", reviewId, "message", message));
			});
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private void progress(long job, int done, int total) {
		this.own.executeWithoutResult((s) -> this.jdbc
			.sql("UPDATE background_job SET done_units = :d, total_units = greatest(:t, :d) WHERE id = :id")
			.param("d", done)
			.param("t", total)
			.param("id", job)
			.update());
	}

	/** The test-only pause between steps (capuy.jobs.drafting-pause, 0 by default). */
	private void pause() {
		if (this.pause.isZero() || this.pause.isNegative()) {
			return;
		}
		try {
			Thread.sleep(this.pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String SELECT = """
			SELECT j.id, j.status, j.done_units, j.total_units, j.message, r.review_id, j.started_at, j.finished_at,
			       j.started_by, f.id AS file_id, f.drafted_at, f.size_bytes
			FROM background_job j
			JOIN review_report_run r ON r.job_id = j.id
			JOIN review v ON v.id = r.review_id
			LEFT JOIN review_report_file f ON f.job_id = j.id
			WHERE\s""" + DirectiveScope.participates("v.owner_id") + " AND " + DirectiveScope.sees("v.owner_id");

	/** One drafting run, or 404 outside the caller's scope. */
	public Job job(CurrentUser user, long job) {
		return this.jdbc.sql(SELECT + " AND j.id = :id")
			.param("id", job)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(ReviewReportJobs::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("review report job " + job));
	}

	/**
	 * The review's latest run and latest finished file; 404 outside the caller's scope.
	 */
	public Drafting drafting(CurrentUser user, long reviewId) {
		this.report.visible(user, reviewId);
		Optional<Job> latest = this.jdbc.sql(SELECT + " AND r.review_id = :review ORDER BY j.id DESC LIMIT 1")
			.param("review", reviewId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(ReviewReportJobs::map)
			.optional();
		Optional<Job> file = this.jdbc
			.sql(SELECT + " AND r.review_id = :review AND f.id IS NOT NULL ORDER BY f.id DESC LIMIT 1")
			.param("review", reviewId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(ReviewReportJobs::map)
			.optional();
		return new Drafting(reviewId, latest.orElse(null), file.orElse(null));
	}

	/** The DOCX a finished run wrote; 404 outside scope or while there is none. */
	public StoredFile file(CurrentUser user, long job) {
		Job found = job(user, job);
		if (found.fileId() == null) {
			throw new NotFoundException("review report file of job " + job);
		}
		return this.jdbc.sql("SELECT file_name, content FROM review_report_file WHERE id = :id")
			.param("id", found.fileId())
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getBytes(2)))
			.single();
	}

	private static Job map(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		Long fileId = (Long) rs.getObject("file_id");
		Long size = (Long) rs.getObject("size_bytes");
		return new Job(id, rs.getString("status"), rs.getLong("done_units"), rs.getLong("total_units"),
				rs.getString("message"), rs.getLong("review_id"), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getString("started_by"), fileId,
				instant(rs.getTimestamp("drafted_at")), size,
				fileId == null ? null : "/api/v1/report-jobs/" + id + "/report.docx");
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
