package io.grassroots.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.RemovalCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache is kept up by the threads that use it: what a write leaves to do (evicting beyond the maximum size,
 * telling the eviction listener) is done before the write returns, in the writing thread, not by a task handed to
 * the common fork-join pool. A cache refreshed ahead serves the value it has while one reload of it runs in the
 * background, and never a value older than it keeps them or than an invalidation.
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

	@Test
	void anEntryInUseIsServedAsItIsWhileOneReloadRunsInTheBackground() throws Exception {
		var loads = new AtomicInteger();
		var reloadStarted = new CountDownLatch(1);
		var reloadMayFinish = new CountDownLatch(1);
		var reloadedBy = new AtomicReference<String>();
		var cache = Caches.<String, String>refreshedAhead(Duration.ofSeconds(8), 10, key -> {
			if (loads.incrementAndGet() == 1) {
				return "old";
			}
			reloadedBy.set(Thread.currentThread().getName());
			reloadStarted.countDown();
			assertThat(reloadMayFinish.await(10, TimeUnit.SECONDS)).isTrue();
			return "new";
		});
		assertThat(cache.get("region")).isEqualTo("old");

		Thread.sleep(6_500); // past three quarters of the eight seconds kept, well before they are up
		var callers = Executors.newFixedThreadPool(8);
		try {
			var answers = new ArrayList<java.util.concurrent.Future<String>>();
			for (var i = 0; i < 8; i++) {
				answers.add(callers.submit(() -> cache.get("region")));
			}
			for (var answer : answers) {
				// none of them waits for the reload, which cannot finish yet
				assertThat(answer.get(500, TimeUnit.MILLISECONDS)).isEqualTo("old");
			}
			assertThat(reloadStarted.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(cache.get("region")).isEqualTo("old");
		}
		finally {
			reloadMayFinish.countDown();
			callers.shutdown();
		}

		assertThat(eventually(() -> cache.get("region"), "new")).isEqualTo("new");
		assertThat(loads).hasValue(2);
		assertThat(reloadedBy.get()).startsWith("cache-reload-");
	}

	@Test
	void anInvalidatedEntryIsLoadedAgainByItsNextCallerAndAReloadStartedBeforeIsDropped() throws Exception {
		var version = new AtomicInteger(1);
		var reloadStarted = new CountDownLatch(1);
		var reloadMayFinish = new CountDownLatch(1);
		var cache = Caches.<String, String>refreshedAhead(Duration.ofSeconds(8), 10, key -> {
			var seen = "v" + version.get();
			if (Thread.currentThread().getName().startsWith("cache-reload-")) {
				reloadStarted.countDown();
				assertThat(reloadMayFinish.await(10, TimeUnit.SECONDS)).isTrue();
			}
			return seen;
		});
		assertThat(cache.get("region")).isEqualTo("v1");
		Thread.sleep(6_500); // past three quarters of the eight seconds kept, well before they are up
		assertThat(cache.get("region")).isEqualTo("v1"); // starts a reload, which reads v1 and then hangs
		assertThat(reloadStarted.await(5, TimeUnit.SECONDS)).isTrue();

		version.set(2); // a change on this node, then its invalidation
		cache.invalidate("region");

		assertThat(cache.get("region")).isEqualTo("v2");
		reloadMayFinish.countDown();
		Thread.sleep(200);
		assertThat(cache.get("region")).isEqualTo("v2");
	}

	@Test
	void anEntryNotReadBeforeItsTimeIsUpIsLoadedAgainByItsCaller() throws Exception {
		var version = new AtomicInteger(1);
		var cache = Caches.<String, String>refreshedAhead(Duration.ofMillis(200), 10, key -> "v" + version.get());
		assertThat(cache.get("region")).isEqualTo("v1");
		version.set(2); // a change on another node

		Thread.sleep(300);

		assertThat(cache.get("region")).isEqualTo("v2");
	}

	private static <T> T eventually(Supplier<T> read, T expected) throws InterruptedException {
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		var value = read.get();
		while (!value.equals(expected) && System.nanoTime() < deadline) {
			Thread.sleep(20);
			value = read.get();
		}
		return value;
	}

}
