package io.grassroots.bench.lifecycle;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import io.grassroots.shared.TransactionTasks;

import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CPU and allocation of a transition's transaction synchronizations alone (lifecycle16, decision cases-36), on a
 * transaction manager that does nothing else, so that the figure is exact on a busy host: "spring" registers what a
 * transition registered before cases-36 — three listener calls of their own (order {@code LOWEST - 1}), the
 * remembered case's and the chain head's after-commit updates, the queue of pending writes (order {@code LOWEST}) —
 * and "tasks" the same work with the listener calls and updates in {@link TransactionTasks}. Each side runs in turns
 * (A B B A …) on the given number of threads; per transaction: the threads' CPU ({@code ThreadMXBean}) and bytes
 * allocated.
 * <p>
 * {@code java -cp … io.grassroots.bench.lifecycle.SynchronizationCost <threads> <rounds>}
 */
public final class SynchronizationCost {

	private static final int TRANSACTIONS = 200_000;

	private static final LongAdder WORK = new LongAdder();

	private SynchronizationCost() {
	}

	public static void main(String[] args) throws Exception {
		var threads = Integer.parseInt(args[0]);
		var rounds = Integer.parseInt(args[1]);
		var transactions = new TransactionTemplate(new NothingManager());
		var pool = Executors.newFixedThreadPool(threads);
		if (args.length > 2 && "mixed".equals(args[2])) {
			mixOrderComparatorsTypes();
		}
		run(pool, threads, transactions, true);
		run(pool, threads, transactions, false);
		for (var round = 1; round <= rounds; round++) {
			for (var spring : round % 2 == 1 ? new boolean[] { true, false, false, true }
					: new boolean[] { false, true, true, false }) {
				var r = run(pool, threads, transactions, spring);
				System.out.printf("round %d %-6s %d thread(s): %,8.0f ns CPU and %,6.0f bytes per transaction%n", round,
						spring ? "spring" : "tasks", threads, r[0], r[1]);
			}
		}
		pool.shutdown();
		System.out.println("work done " + WORK.sum());
	}

	private static double[] run(java.util.concurrent.ExecutorService pool, int threads, TransactionTemplate transactions,
			boolean spring) throws Exception {
		var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var jobs = new ArrayList<Callable<long[]>>();
		for (var t = 0; t < threads; t++) {
			jobs.add(() -> {
				var id = Thread.currentThread().getId();
				var cpu = bean.getCurrentThreadCpuTime();
				var bytes = bean.getThreadAllocatedBytes(id);
				for (var i = 0; i < TRANSACTIONS / threads; i++) {
					transactions.executeWithoutResult(status -> {
						if (spring) {
							registerAsSpring();
						}
						else {
							registerAsTasks();
						}
					});
				}
				return new long[] { bean.getCurrentThreadCpuTime() - cpu, bean.getThreadAllocatedBytes(id) - bytes };
			});
		}
		long cpu = 0;
		long bytes = 0;
		for (var f : pool.invokeAll(jobs)) {
			cpu += f.get()[0];
			bytes += f.get()[1];
		}
		var n = (double) (TRANSACTIONS / threads * threads);
		return new double[] { cpu / n, bytes / n };
	}

	/**
	 * Has Spring's order comparator see many types first, as a Spring application's start-up does (beans,
	 * post-processors, listeners are sorted by it), so that its compiled code is that of an application, not of this
	 * loop's few types alone.
	 */
	private static void mixOrderComparatorsTypes() {
		var mixed = new ArrayList<Object>();
		mixed.add(new Object());
		mixed.add("text");
		mixed.add(1);
		mixed.add((org.springframework.core.PriorityOrdered) () -> 1);
		mixed.add((Ordered) () -> 2);
		mixed.add(new Queue());
		mixed.add(new ListenerCall(TALLY));
		mixed.add(new TransactionSynchronization() {
		});
		mixed.add(new ArrayList<>());
		mixed.add(new java.util.HashMap<>());
		mixed.add(Thread.currentThread());
		mixed.add(new StringBuilder());
		for (var i = 0; i < 200_000; i++) {
			var list = new ArrayList<>(mixed);
			java.util.Collections.rotate(list, i % mixed.size());
			org.springframework.core.OrderComparator.sort(list);
		}
	}

	/** Before cases-36: one synchronization per listener call and per cache update, and the queue's. */
	private static void registerAsSpring() {
		TransactionSynchronizationManager.registerSynchronization(new Queue());
		TransactionSynchronizationManager.registerSynchronization(new ListenerCall(TALLY));
		TransactionSynchronizationManager.registerSynchronization(new ListenerCall(NOTICE));
		TransactionSynchronizationManager.registerSynchronization(new ListenerCall(EVALUATION));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				WORK.increment();
			}
		});
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				WORK.increment();
			}
		});
	}

	/** With cases-36: the queue's and one of {@link TransactionTasks}. */
	private static void registerAsTasks() {
		TransactionSynchronizationManager.registerSynchronization(new Queue());
		TransactionTasks.beforeCommit(WORK::increment);
		TransactionTasks.beforeCommit(WORK::increment);
		TransactionTasks.beforeCommit(WORK::increment);
		TransactionTasks.afterCommit(WORK::increment);
		TransactionTasks.afterCommit(WORK::increment);
	}

	/** Like the queue of pending writes: ordered last. */
	private static final class Queue implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			WORK.increment();
		}

	}

	/** Three listeners, ordered just before the queue. */
	private static final Ordered TALLY = () -> Ordered.LOWEST_PRECEDENCE - 1;

	private static final Ordered NOTICE = () -> Ordered.LOWEST_PRECEDENCE - 1;

	private static final Ordered EVALUATION = () -> Ordered.LOWEST_PRECEDENCE - 1;

	/** Like Spring's synchronization of one listener call: one class, the listener's order. */
	private static final class ListenerCall implements TransactionSynchronization {

		private final Ordered listener;

		ListenerCall(Ordered listener) {
			this.listener = listener;
		}

		@Override
		public int getOrder() {
			return listener.getOrder();
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			WORK.increment();
		}

	}

	/** A transaction manager whose transactions do nothing but synchronize. */
	private static final class NothingManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
