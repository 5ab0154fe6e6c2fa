package io.grassroots.bench.lifecycle;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * With {@code --waits true}: while several threads drive a loop, samples {@code pg_stat_activity} every 20 ms and
 * counts what the database's active backends were waiting for ({@code Lock:transactionid} is a row lock held by
 * another transaction, {@code IO:WALSync}/{@code LWLock:WALWrite} the commit's flush, {@code CPU} running). It takes
 * some CPU itself, so it is off by default and its rounds are not for comparing rates.
 */
final class WaitSampler {

	private final Map<String, Long> counts = new TreeMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private long samples;

	WaitSampler(Postgres postgres, String database) {
		thread = new Thread(() -> {
			try (var c = postgres.admin(); var s = c.prepareStatement("""
					select coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity
					where datname = ? and state = 'active' and backend_type = 'client backend'""")) {
				s.setString(1, database);
				while (running) {
					try (var rs = s.executeQuery()) {
						synchronized (counts) {
							samples++;
							while (rs.next()) {
								counts.merge(rs.getString(1), 1L, Long::sum);
							}
						}
					}
					Thread.sleep(20);
				}
			}
			catch (SQLException | InterruptedException e) {
				// stops sampling
			}
		}, "wait-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	/** Stops sampling; answers the mean number of active backends per sample in each wait, largest first. */
	String stop() {
		running = false;
		synchronized (counts) {
			var n = Math.max(1, samples);
			return counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) n))
				.collect(Collectors.joining(", ")) + " (" + samples + " samples)";
		}
	}

}
