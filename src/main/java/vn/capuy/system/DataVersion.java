package vn.capuy.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the data that summaries show ({@code data_version}, V28): every
 * transaction that writes a table of the register, the rule book or a module moves it on
 * once, at its commit. A {@link Cache} keeps summaries in memory under the version they
 * were computed at and computes them again when the version has moved, so a summary is
 * never older than the last committed write, on any node of a cluster.
 */
@Component
public class DataVersion {

	private final JdbcClient jdbc;

	DataVersion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current version. */
	public long current() {
		return this.jdbc.sql("SELECT version FROM data_version").query(Long.class).single();
	}

	/**
	 * The current version, or -1 when the caller's transaction has written: it sees data
	 * nobody else sees yet (and that may be rolled back), so nothing it computes may be
	 * kept for others.
	 */
	long forKeeping() {
		return this.jdbc.sql("""
				SELECT CASE WHEN txid_current_if_assigned() IS NULL THEN version ELSE -1 END FROM data_version
				""").query(Long.class).single();
	}

	/** A cache of at most {@code maxEntries} summaries. */
	public <K, V> Cache<K, V> cache(int maxEntries) {
		return new Cache<>(this, maxEntries);
	}

	/**
	 * Summaries by key (which must hold everything a summary depends on: scope, date;
	 * never the user), each kept under the version it was computed at.
	 */
	public static final class Cache<K, V> {

		private final DataVersion versions;

		private final int maxEntries;

		private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

		private final Map<K, Object> locks = new ConcurrentHashMap<>();

		private record Entry<V>(long version, V value) {
		}

		Cache(DataVersion versions, int maxEntries) {
			this.versions = versions;
			this.maxEntries = maxEntries;
		}

		/**
		 * The value kept for the key if it was computed at the current version, else
		 * computed now (once, however many callers ask at the same time) and kept. The
		 * version is read before computing, so a write committed during the computation
		 * makes the next caller compute again. A caller whose transaction has written
		 * gets a value computed for it alone.
		 */
		public V get(K key, Supplier<V> compute) {
			long version = this.versions.forKeeping();
			if (version < 0) {
				return compute.get();
			}
			Entry<V> entry = this.entries.get(key);
			if (entry != null && entry.version() >= version) {
				return entry.value();
			}
			synchronized (this.locks.computeIfAbsent(key, (k) -> new Object())) {
				entry = this.entries.get(key);
				if (entry != null && entry.version() >= version) {
					return entry.value();
				}
				V value = compute.get();
				if (this.entries.size() >= this.maxEntries) {
					// bounded memory: forget every entry (summaries are computed on
					// demand)
					this.entries.clear();
					this.locks.clear();
				}
				this.entries.put(key, new Entry<>(version, value));
				return value;
			}
		}

	}

}
