package io.grassroots.shared;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for rows written as cases move (a case, its notices): version 7 UUIDs (RFC 9562), the time in milliseconds first
 * and 74 random bits after, so that ids made in the same minutes sit next to each other in every index keyed by them. A
 * random (version 4) id puts each case's entries — its row's primary key, its history's stream, its notices — on a
 * random leaf of a large index: the first change of each such page after a checkpoint logs the whole page (8 KB) in
 * the WAL, and a city's active cases then touch a different page per change. With time-ordered ids the cases that move
 * in the same hours share a few leaves (decision 0022).
 * <p>
 * Each thread has its own generator, drawing its random bits from the thread's own DRBG ({@link SecureRandoms}): one
 * generator for the JVM took a lock per id, and drew the random bits of each new millisecond from the platform's
 * {@code NativePRNG} under that lock and the generator's own global one, where the threads making ids queued
 * (bench/RESULTS.md § lifecycle, 2026-12-06 (tidy), {@code IdContention}). Ids made by one thread sort in the order it
 * made them; ids of different threads (and nodes) made in the same millisecond differ by their 74 random bits, as any
 * two version 7 ids do.
 */
public final class TimeOrderedIds {

	private static final ThreadLocal<TimeBasedEpochGenerator> PER_THREAD = ThreadLocal
		.withInitial(() -> Generators.timeBasedEpochGenerator(SecureRandoms.current()));

	private TimeOrderedIds() {
	}

	/** A new id, after every id this thread made before (monotonic within a millisecond). */
	public static UUID next() {
		return PER_THREAD.get().generate();
	}

}
