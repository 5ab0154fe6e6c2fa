package io.grassroots.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the product's code hands to the current transaction — its own before-commit listeners' calls
 * ({@link TransactionalListeners}) and what to remember once it committed (the remembered cases, the audit chain's
 * heads) — kept in <b>one</b> synchronization per transaction instead of one each.
 * <p>
 * Spring copies and sorts a transaction's synchronizations at each of the four steps of its commit (before commit,
 * before completion, after commit, after completion: {@code OrderComparator}, boxing each order), and a case
 * transition registered 5–6 of them (one per listener per event, one per cache to update, the queue of
 * {@link PendingWrites}): the sorts were an eighth of a transition's thread on 4 threads (bench/RESULTS.md § lifecycle,
 * 2026-12-06 evening, lifecycle16). With this, a transition has two: this one and the queue's.
 * <p>
 * The order is Spring's: before the commit, the calls run in the order they were queued, at
 * {@link PendingWrites#ORDER}{@code - 1} (where Spring ran the listeners' synchronizations, just before the flush of
 * the queued writes), including calls queued while they run; after the commit, the tasks in the order given. A rolled
 * back transaction runs neither. A transaction started inside this one (requires new) has a unit of its own.
 * <p>
 * The transaction's queue of writes ({@link PendingWrites}) is {@link #attach attached} to the same unit and sent
 * right after the calls, where its own synchronization (ordered last) ran it: so a transition's transaction has one
 * synchronization, which Spring neither sorts (a single one) nor keeps a resource for, instead of two
 * (bench/RESULTS.md § lifecycle, lifecycle26). A synchronization of another's ordered last too now runs its
 * before-commit step after the flush instead of before it when it was registered before the queue; the product has
 * none that writes.
 */
public final class TransactionTasks {

	/** Where this runs among the transaction's synchronizations: just before the flush of {@link PendingWrites}. */
	public static final int ORDER = PendingWrites.ORDER - 1;

	/**
	 * The current transaction's unit, on the thread that runs it: set when the unit is registered with the
	 * transaction's synchronizations (or resumed with them), removed when they are suspended or the transaction has
	 * completed. One look-up per queued call, where Spring's resource map took three (whether synchronization is active,
	 * whether a transaction is, the resource itself: ≈ 2 % of a transition's thread, bench/RESULTS.md § lifecycle,
	 * lifecycle18 and lifecycle22).
	 */
	private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();

	private TransactionTasks() {
	}

	/**
	 * Queues {@code call} to run just before the current transaction commits, in the order queued. False — nothing
	 * queued, the caller does what it did without this — when no actual transaction synchronizes, or when this
	 * transaction's before-commit calls ran already (what Spring does with a synchronization registered that late is
	 * then kept as it is).
	 */
	public static boolean beforeCommit(Runnable call) {
		var unit = CURRENT.get();
		if (unit == null) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()
					|| !TransactionSynchronizationManager.isActualTransactionActive()) {
				return false;
			}
			unit = open();
		}
		if (!unit.actual || unit.ran) {
			return false;
		}
		unit.before.add(call);
		return true;
	}

	/**
	 * Runs {@code task} once the current transaction committed (never, if it rolls back); at once when no transaction
	 * synchronizes.
	 */
	public static void afterCommit(Runnable task) {
		var unit = CURRENT.get();
		if (unit == null) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				task.run();
				return;
			}
			unit = open();
		}
		unit.after.add(task);
	}

	/** What a unit runs last before the commit, after its calls: a transaction's queue of writes ({@link PendingWrites}). */
	interface Last {

		void beforeCommit();

	}

	/** The current scope's {@link Last} of {@code owner}, or null (none attached, or no unit). */
	static Last last(Object owner) {
		var unit = CURRENT.get();
		return unit == null ? null : unit.last(owner);
	}

	/**
	 * Attaches {@code last} of {@code owner} to the current scope's unit (opened if there is none yet), to run before
	 * the commit after the unit's calls, in the order attached; false (nothing attached) when no synchronization is
	 * active. Once per owner and scope: the caller asks {@link #last} first.
	 */
	static boolean attach(Object owner, Last last) {
		var unit = CURRENT.get();
		if (unit == null) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				return false;
			}
			unit = open();
		}
		unit.owners.add(owner);
		unit.lasts.add(last);
		return true;
	}

	/** A unit for the current synchronization scope (synchronization is active), registered and made current. */
	private static Unit open() {
		var unit = new Unit(TransactionSynchronizationManager.isActualTransactionActive());
		TransactionSynchronizationManager.registerSynchronization(unit);
		CURRENT.set(unit);
		return unit;
	}

	/** The calls and tasks of one transaction. */
	private static final class Unit implements TransactionSynchronization {

		private final List<Runnable> before = new ArrayList<>(4);

		private final List<Runnable> after = new ArrayList<>(4);

		/** The owners of {@link #lasts}, in the same order (one, {@link PendingWrites}, in the product). */
		private final List<Object> owners = new ArrayList<>(1);

		private final List<Last> lasts = new ArrayList<>(1);

		/**
		 * Whether its scope is an actual transaction (else no before-commit call is queued in it; a scope keeps this
		 * until it completes: a transaction begun inside suspends it).
		 */
		private final boolean actual;

		/** Whether the before-commit calls ran (from then on, none is queued). */
		private boolean ran;

		Unit(boolean actual) {
			this.actual = actual;
		}

		@Override
		public int getOrder() {
			return ORDER;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			// by index: a call may queue more (an event published by a listener), which run after it
			for (var i = 0; i < before.size(); i++) {
				before.get(i).run();
			}
			ran = true;
			for (var i = 0; i < lasts.size(); i++) {
				lasts.get(i).beforeCommit();
			}
		}

		Last last(Object owner) {
			for (var i = 0; i < owners.size(); i++) {
				if (owners.get(i) == owner) {
					return lasts.get(i);
				}
			}
			return null;
		}

		@Override
		public void afterCommit() {
			for (var i = 0; i < after.size(); i++) {
				after.get(i).run();
			}
		}

		@Override
		public void suspend() {
			leave();
		}

		@Override
		public void resume() {
			CURRENT.set(this);
		}

		@Override
		public void afterCompletion(int status) {
			leave();
		}

		private void leave() {
			if (CURRENT.get() == this) {
				CURRENT.remove();
			}
		}

	}

}
