package io.grassroots.shared;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for rows written as cases move (a case, its notices): version 7 UUIDs (RFC 9562), the time in milliseconds first
 * and 74 random bits (from {@link java.security.SecureRandom}) after, so that ids made in the same minutes sit next to
 * each other in every index keyed by them. A random (version 4) id puts each case's entries — its row's primary key, its
 * history's stream, its notices — on a random leaf of a large index: the first change of each such page after a
 * checkpoint logs the whole page (8 KB) in the WAL, and a city's active cases then touch a different page per change.
 * With time-ordered ids the cases that move in the same hours share a few leaves (decision 0022).
 */
public final class TimeOrderedIds {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private TimeOrderedIds() {
	}

	/** A new id, after every id this JVM made before (monotonic within a millisecond). */
	public static UUID next() {
		return GENERATOR.generate();
	}

}
