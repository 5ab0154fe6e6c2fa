package io.grassroots.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;

import com.github.benmanes.caffeine.cache.RemovalCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache is kept up by the threads that use it: what a write leaves to do (evicting beyond the maximum size,
 * telling the eviction listener) is done before the write returns, in the writing thread, not by a task handed to
 * the common fork-join pool.
 */
class CachesTests {

	@Test
	void aWriteBeyondTheMaximumSizeEvictsInTheWritingThreadBeforeItReturns() {
		var evictedBy = Collections.synchronizedList(new ArrayList<Thread>());
		var evicted = Collections.synchronizedList(new ArrayList<String>());
		var cache = Caches.keptByCallers()
			.maximumSize(1)
			.expireAfterWrite(Duration.ofMinutes(1))
			.<String, String>evictionListener((key, value, cause) -> {
				assertThat(cause).isEqualTo(RemovalCause.SIZE);
				evicted.add(key);
				evictedBy.add(Thread.currentThread());
			})
			.build();

		cache.put("first", "1");
		cache.put("second", "2");

		// no cleanUp(), no waiting: the eviction has already happened, here
		assertThat(cache.estimatedSize()).isEqualTo(1);
		assertThat(evicted).hasSize(1).containsAnyOf("first", "second");
		assertThat(evictedBy).containsExactly(Thread.currentThread());
	}

}
