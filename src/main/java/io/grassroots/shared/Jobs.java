package io.grassroots.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long work (imports, rebuilds, generators) runs as a job whose progress is kept in the database, so any node can
 * show it while it runs and the result stays readable afterwards.
 */
@Component
public class Jobs {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private static final Duration HEARTBEAT = Duration.ofMillis(500);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final JsonMapper json;

	private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
		var thread = new Thread(r, "grassroots-job");
		thread.setDaemon(true);
		return thread;
	});

	Jobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.json = JsonMapper.builder().findAndAddModules().build();
	}

	/**
	 * Starts work in the background; the work reports through the given progress and returns a result that is kept
	 * as JSON.
	 * @param kind what sort of job it is, e.g. {@code region-import}
	 * @param owner the account that started it
	 * @param resultPath where the console shows the finished job's result ({@code {id}} is replaced)
	 */
	public UUID start(String kind, String owner, String resultPath, Function<Progress, Object> work) {
		var id = started(kind, owner, resultPath);
		workers.submit(() -> run(id, work));
		return id;
	}

	/** Runs work in the caller's thread while recording its progress, for commands and tests. */
	public UUID runNow(String kind, String owner, String resultPath, Function<Progress, Object> work) {
		var id = started(kind, owner, resultPath);
		run(id, work);
		return id;
	}

	/** The row of a job that starts now, committed at once so that its progress can be followed. */
	private UUID started(String kind, String owner, String resultPath) {
		var id = UUID.randomUUID();
		var now = java.sql.Timestamp.from(clock.instant());
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				insert into shared_job (id, kind, owner, state, done, total, result_path, started_at, updated_at)
				values (:id, :kind, :owner, 'RUNNING', 0, 0, :path, :now, :now)""")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.param("path", resultPath.replace("{id}", id.toString()))
			.param("now", now)
			.update());
		return id;
	}

	public Optional<JobStatus> find(UUID id) {
		return jdbc.sql("select * from shared_job where id = :id")
			.param("id", id)
			.query((rs, n) -> new JobStatus(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("owner"),
					stateOf(rs.getString("state"), rs.getTimestamp("updated_at").toInstant()), rs.getLong("done"),
					rs.getLong("total"), rs.getString("result_path"), rs.getString("result"), rs.getString("failure"),
					rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
			.optional();
	}

	/** Reads a finished job's result as the given type. */
	public <T> Optional<T> result(UUID id, Class<T> type) {
		return find(id).filter(job -> job.result() != null).map(job -> json.readValue(job.result(), type));
	}

	private JobState stateOf(String stored, Instant updatedAt) {
		var state = JobState.valueOf(stored);
		if (state == JobState.RUNNING && updatedAt.isBefore(clock.instant().minus(Duration.ofMinutes(5)))) {
			return JobState.INTERRUPTED;
		}
		return state;
	}

	private void run(UUID id, Function<Progress, Object> work) {
		var progress = new Progress(id);
		try {
			var result = work.apply(progress);
			finish(id, "SUCCEEDED", progress, result == null ? null : json.writeValueAsString(result), null);
		}
		catch (RuntimeException e) {
			log.error("Job {} failed", id, e);
			finish(id, "FAILED", progress, null,
					e instanceof DomainException known ? known.messageKey() : "job.failedUnexpectedly");
		}
	}

	private void finish(UUID id, String state, Progress progress, String result, String failure) {
		var now = java.sql.Timestamp.from(clock.instant());
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				update shared_job set state = :state, done = :done, total = :total, result = :result,
				failure = :failure, finished_at = :now, updated_at = :now where id = :id""")
			.param("state", state)
			.param("done", progress.done)
			.param("total", Math.max(progress.total, progress.done))
			.param("result", result)
			.param("failure", failure)
			.param("now", now)
			.param("id", id)
			.update());
	}

	public enum JobState {

		RUNNING, SUCCEEDED, FAILED, INTERRUPTED

	}

	/**
	 * @param failure why a failed job failed, as a message key (the log has the details, under the job's id)
	 */
	public record JobStatus(UUID id, String kind, String owner, JobState state, long done, long total, String resultPath,
			String result, String failure, Instant startedAt, Instant finishedAt) {

		public int percent() {
			if (state == JobState.SUCCEEDED) {
				return 100;
			}
			return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
		}

		public boolean finished() {
			return state != JobState.RUNNING;
		}

	}

	/** How a job tells how far it is; writes are throttled to one every half second. */
	public final class Progress {

		private final UUID id;

		private volatile long done;

		private volatile long total;

		private Instant lastWrite = Instant.EPOCH;

		private Progress(UUID id) {
			this.id = id;
		}

		public void total(long total) {
			this.total = total;
			write(true);
		}

		public void advance(long steps) {
			this.done += steps;
			write(false);
		}

		/** Sets how far the work is, for work that keeps its own count. */
		public void reached(long done) {
			this.done = done;
			write(false);
		}

		private synchronized void write(boolean force) {
			var now = clock.instant();
			if (!force && now.isBefore(lastWrite.plus(HEARTBEAT))) {
				return;
			}
			lastWrite = now;
			ownTransaction.executeWithoutResult(status -> jdbc
				.sql("update shared_job set done = :done, total = :total, updated_at = :now where id = :id")
				.param("done", done)
				.param("total", total)
				.param("now", java.sql.Timestamp.from(now))
				.param("id", id)
				.update());
		}

	}

}
