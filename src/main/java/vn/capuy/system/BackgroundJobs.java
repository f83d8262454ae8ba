package vn.capuy.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Background jobs (table {@code background_job}) that survive a crash honestly: a running
 * job holds the PostgreSQL advisory lock {@code (7301, id)} for its whole run on a
 * connection of its own, so the lock ends with the process (kill -9, power loss) or its
 * connection. A job still RUNNING after {@code capuy.jobs.stale-after} (default one
 * minute) whose lock nobody holds was interrupted: {@link #sweepInterrupted()} marks it
 * FAILED with the message {@code job.interrupted}. The sweep runs at start-up and on a
 * schedule ({@link JobSweeper}).
 */
@Service
public class BackgroundJobs {

	/** The first key of every job lock (the second is the job id). */
	static final int LOCK_SPACE = 7301;

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Duration staleAfter;

	BackgroundJobs(DataSource dataSource, JdbcClient jdbc, MessageSource messages,
			@Value("${capuy.jobs.stale-after:1m}") Duration staleAfter) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.messages = messages;
		this.staleAfter = staleAfter;
	}

	/** The second key of the job's lock. */
	static int lockKey(long job) {
		return (int) (job % 2147483648L);
	}

	/**
	 * Runs a job's work while holding its advisory lock on a connection of its own (not
	 * the work's transactions); a job no longer RUNNING (swept before it started) is not
	 * run. Call it on the background thread, around the whole run.
	 */
	public void runHolding(long job, Runnable work) {
		try (Connection connection = this.dataSource.getConnection()) {
			execute(connection, "SELECT pg_advisory_lock(?, ?)", job);
			try {
				if (!running(connection, job)) {
					log.warn("Job {} is no longer RUNNING (swept as interrupted before it started); not run", job);
					return;
				}
				work.run();
			}
			finally {
				execute(connection, "SELECT pg_advisory_unlock(?, ?)", job);
			}
		}
		catch (SQLException ex) {
			log.error("Job {}: its lock connection failed; the sweeper will mark it if it did not finish", job, ex);
		}
	}

	/** Whether some session holds the job's lock now. */
	public boolean locked(long job) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM pg_locks
				  WHERE locktype = 'advisory' AND granted AND classid = :space AND objid = :key AND objsubid = 2
				    AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
				""").param("space", (long) LOCK_SPACE).param("key", (long) lockKey(job)).query(Boolean.class).single();
	}

	/**
	 * Marks as FAILED every RUNNING job older than the stale age whose lock nobody holds;
	 * answers their ids.
	 */
	public List<Long> sweepInterrupted() {
		String message = this.messages.getMessage("job.interrupted", null, "job.interrupted", VIETNAMESE);
		List<Long> swept = this.jdbc.sql("""
				WITH candidate AS (
				  SELECT id FROM background_job
				  WHERE status = 'RUNNING' AND started_at < now() - make_interval(secs => :stale)
				  ORDER BY id
				  FOR UPDATE SKIP LOCKED
				)
				UPDATE background_job j SET status = 'FAILED', message = :m, finished_at = now()
				FROM candidate c
				WHERE j.id = c.id AND pg_try_advisory_xact_lock(:space, CAST(c.id % 2147483648 AS int))
				RETURNING j.id
				""")
			.param("stale", (double) this.staleAfter.toMillis() / 1000)
			.param("m", message)
			.param("space", LOCK_SPACE)
			.query(Long.class)
			.list();
		if (!swept.isEmpty()) {
			log.warn("Background jobs {} were interrupted (no process holds their lock): marked FAILED", swept);
		}
		return swept;
	}

	private static boolean running(Connection connection, long job) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("SELECT status FROM background_job WHERE id = ?")) {
			s.setLong(1, job);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() && "RUNNING".equals(rs.getString(1));
			}
		}
	}

	private static void execute(Connection connection, String sql, long job) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement(sql)) {
			s.setInt(1, LOCK_SPACE);
			s.setInt(2, lockKey(job));
			s.execute();
		}
	}

}
