package vn.capuy.system;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled work that runs once per time slot across every application node on one
 * database: in one transaction, the node that wins
 * {@code pg_try_advisory_xact_lock(7302, hashtext(task@slot))} records the slot in
 * {@code scheduled_run} (unique on task and slot) and runs the task; any other node, at
 * the same moment or later, skips it. If the task fails, nothing is recorded and a later
 * call may run the slot again.
 */
@Component
public class ScheduledWork {

	static final int LOCK_SPACE = 7302;

	private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	ScheduledWork(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
	}

	/** This node's name in {@code scheduled_run} and the log (pid@host). */
	public String node() {
		return this.node;
	}

	/** The slot of an instant: its start, counted in whole intervals from the epoch. */
	public static Instant slot(Instant at, Duration interval) {
		long millis = interval.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
	}

	/**
	 * Deletes the record of scheduled runs whose slot is older than the retention (the
	 * record only serves to run each slot once; a slot that old is never asked for
	 * again); answers how many. Run it inside a scheduled task, in its transaction.
	 */
	int prune(Duration retention) {
		int pruned = this.jdbc.sql("DELETE FROM scheduled_run WHERE slot < now() - make_interval(secs => :secs)")
			.param("secs", (double) retention.toSeconds())
			.update();
		if (pruned > 0) {
			log.info("Pruned {} scheduled runs older than {}", pruned, retention);
		}
		return pruned;
	}

	/** Runs the task for the current slot of the interval, unless another node has. */
	public boolean runOnce(String task, Duration interval, Runnable work) {
		return runOnce(task, slot(Instant.now(), interval), work);
	}

	/** Runs the task for the slot unless another node is running or has run it. */
	public boolean runOnce(String task, Instant slot, Runnable work) {
		Boolean ran = this.tx.execute((status) -> {
			boolean won = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:space, hashtext(:key))")
				.param("space", LOCK_SPACE)
				.param("key", task + "@" + slot)
				.query(Boolean.class)
				.single();
			if (!won) {
				log.info("Scheduled work {} for slot {} skipped on node {}: another node is running it", task, slot,
						this.node);
				return false;
			}
			int recorded = this.jdbc.sql("""
					INSERT INTO scheduled_run (task, slot, node) VALUES (:task, :slot, :node)
					ON CONFLICT (task, slot) DO NOTHING
					""").param("task", task).param("slot", Timestamp.from(slot)).param("node", this.node).update();
			if (recorded == 0) {
				log.info("Scheduled work {} for slot {} skipped on node {}: another node ran it", task, slot,
						this.node);
				return false;
			}
			work.run();
			log.info("Scheduled work {} for slot {} ran on node {}", task, slot, this.node);
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

}
