package io.grassroots.shared;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

/**
 * What was written a moment ago, by key, for the next write of the same thing to use instead of reading it (the case
 * a transition committed, the head of a history chain): the values of the last {@code maximum} puts, each used only
 * within {@code kept} after its put. A {@link ConcurrentHashMap} bounded by a ring of the last puts in the order they
 * were made: each put takes the next slot under a short lock and forgets what the slot's earlier put left, if the key
 * still holds that put's value (not taken, nor put again since). Eviction is by age of the put, first in, first out.
 * <p>
 * The map's keys are added and removed only under that lock (a put of a new key, the forgetting of a slot's key, a
 * clear); a take leaves its key in the map, marked taken, until its put's slot is taken again (decision cases-54).
 * So the map's size counter is only ever changed by one thread at a time and never runs its contended branches (its
 * counter cells): before, the first contended take or put, on the first run of four threads, threw away the compiled
 * code of every caller that had inlined the count, and the JIT compiled it again inside the measured rounds
 * (bench/RESULTS.md § lifecycle, lc12).
 * <p>
 * Instead of Caffeine for this traffic (one put per write, one read by the next write, the bound full so every put
 * evicts): Caffeine's upkeep on every write (write buffer, frequency sketch, eviction order) was a twentieth of a case
 * transition's thread, and its admission policy (W-TinyLFU admits a new key only if estimated to be used more often
 * than the victim) dropped keys just written and never read — each drop a read of the database (decision cases-43).
 * <p>
 * Each put may carry a note ({@code N}) kept in its slot, handed to {@code forgotten} when the key is no longer held
 * once its slot is taken (taken by a caller, or forgotten now): what a caller keeps beside the map for that key (a
 * case's tracking code). The ring holds keys and notes only, not the values: a value taken is left to the collector.
 * <p>
 * Every value still held when a young collection runs is copied by it (and promoted after a few): a bound that the
 * writes fill within a young cycle lets values die young, so the rings are kept small (decision cases-55).
 *
 * @param <K> the key
 * @param <V> the value (immutable: shared by every caller that reads it)
 * @param <N> the note kept with each put ({@link Void} for none)
 */
public final class RecentlyWritten<K, V, N> {

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

	/** Which of two entries of a key stays: the one held if {@code stays} says so, the newer otherwise. */
	private final BiFunction<Entry<V>, Entry<V>, Entry<V>> later;

	private final BiConsumer<K, N> forgotten;

	/**
	 * The key of a slot no put has taken yet, held by no entry: every put forgets what its slot left, from the first
	 * put on (finding nothing held and no note before the first wrap). The rings share this code and its branch
	 * profile: a ring that began with empty slots first forgot after {@code maximum} puts — the audit chain heads'
	 * after 50,000 (their bound until decision cases-55), some 7,000 lifecycles in — and ran a branch ("no note") no
	 * put had run, so the JIT threw away {@link #put} and the callers it was compiled into and compiled them again
	 * then. Now only the first ring to wrap
	 * (the remembered cases', ≈ 1,400 lifecycles in) runs branches not run before (bench/RESULTS.md § lifecycle, jit5;
	 * decision cases-46).
	 */
	private static final Object NOTHING = new Object();

	private final Object[] keys;

	private final Object[] notes;

	private final long[] numbers;

	/** The number of the last put; its slot is {@code written % maximum}. Guarded by {@link #keys}. */
	private long written;

	private final int maximum;

	private final long keptNanos;

	private final LongSupplier nanos;

	/**
	 * @param stays whether the value a key holds stays when another is put (a later version put first, say)
	 * @param forgotten told of each note whose key is no longer held when its slot is taken (null: no notes)
	 * @param nanos the time ({@link System#nanoTime()})
	 */
	public RecentlyWritten(int maximum, Duration kept, BiPredicate<V, V> stays, BiConsumer<K, N> forgotten,
			LongSupplier nanos) {
		if (maximum < 1) {
			throw new IllegalArgumentException("maximum " + maximum);
		}
		this.maximum = maximum;
		this.keptNanos = kept.toNanos();
		this.nanos = nanos;
		this.forgotten = forgotten;
		this.later = (old, newer) -> old.value() != null && stays.test(old.value(), newer.value()) ? old : newer;
		this.keys = new Object[maximum];
		Arrays.fill(keys, NOTHING);
		this.notes = new Object[maximum];
		this.numbers = new long[maximum];
	}

	/** The value of a key, if one was put less than the time kept ago (it stays). */
	public V get(K key) {
		var entry = entries.get(key);
		return entry != null && fresh(entry) ? entry.value() : null;
	}

	/** The value of a key, however old (to be {@linkplain #take taken} or not by the caller). */
	public V peek(K key) {
		var entry = entries.get(key);
		return entry == null ? null : entry.value();
	}

	/**
	 * Removes {@code value} (what {@link #peek} answered) if the key still holds it; answers it if this caller removed
	 * it and it was put less than the time kept ago, null otherwise. So each value put is taken at most once.
	 */
	public V take(K key, V value) {
		var entry = entries.get(key);
		if (value == null || entry == null || entry.value() != value
				|| !entries.replace(key, entry, new Entry<>(null, entry.number(), entry.at()))) {
			return null;
		}
		return fresh(entry) ? value : null;
	}

	/** {@link #put(Object, Object, Object)} without a note. */
	public void put(K key, V value) {
		put(key, value, null);
	}

	/**
	 * Holds {@code value} for the key (unless it holds a later one) and takes the next slot of the ring with the note,
	 * forgetting what the slot's earlier put left.
	 */
	@SuppressWarnings("unchecked")
	public void put(K key, V value, N note) {
		synchronized (keys) {
			var number = ++written;
			var slot = (int) (number % maximum);
			var leftKey = (K) keys[slot];
			var leftNote = (N) notes[slot];
			var leftNumber = numbers[slot];
			keys[slot] = key;
			notes[slot] = note;
			numbers[slot] = number;
			entries.merge(key, new Entry<>(value, number, nanos.getAsLong()), later);
			forget(leftKey, leftNote, leftNumber);
		}
	}

	/**
	 * What a put left in the slot now taken by another: the value (or the mark that it was taken), if the key still
	 * holds that put's, and the note, if the key is no longer held at all (taken, or forgotten now). A key put again
	 * since keeps both (its later put's slot forgets them). Under the ring's lock.
	 */
	private void forget(K key, N note, long number) {
		var entry = entries.get(key);
		if (entry != null && (entry.number() != number || !entries.remove(key, entry))) {
			return;
		}
		if (note != null && forgotten != null) {
			forgotten.accept(key, note);
		}
	}

	/** Forgets every value (the ring's slots then find nothing to forget, and their notes are handed on as they go). */
	public void clear() {
		synchronized (keys) {
			entries.clear();
		}
	}

	/** How many keys hold a value (not taken): a count over the map, for tests and diagnostics. */
	public int size() {
		var held = 0;
		for (var entry : entries.values()) {
			if (entry.value() != null) {
				held++;
			}
		}
		return held;
	}

	private boolean fresh(Entry<V> entry) {
		return nanos.getAsLong() - entry.at() < keptNanos;
	}

	/**
	 * A value put by the put numbered {@code number}, made at {@code at} ({@link System#nanoTime()}); a null value
	 * marks it taken.
	 */
	private record Entry<V>(V value, long number, long at) {
	}

}
