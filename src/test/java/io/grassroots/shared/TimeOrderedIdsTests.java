package io.grassroots.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New ids sort in the order they were made, as PostgreSQL compares uuids (byte by byte, the same order as their text),
 * so that the index entries of rows made together share leaves; and they carry the time they were made.
 */
class TimeOrderedIdsTests {

	@Test
	void idsMadeOneAfterAnotherSortInThatOrderAndAreAllDifferent() {
		var ids = new ArrayList<String>();
		for (var i = 0; i < 10_000; i++) {
			ids.add(TimeOrderedIds.next().toString());
		}
		assertThat(ids).isSorted();
		assertThat(new HashSet<>(ids)).hasSize(ids.size());
	}

	@Test
	void anIdIsAVersion7UuidThatStartsWithTheMillisecondItWasMadeIn() {
		var before = Instant.now().toEpochMilli();
		var id = TimeOrderedIds.next();
		var after = Instant.now().toEpochMilli();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

}
