package io.grassroots.identity;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.grassroots.shared.Caches;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and address, and per address alone, in token buckets: when a bucket is
 * empty, sign-in is refused until it refills. Kept per node; with several nodes behind a load balancer the limit
 * applies on each node (see docs/decisions). The buckets read the time from the application's {@link Clock}, so the
 * window passes by that clock's time.
 */
@Component
class LoginThrottle {

	private final IdentityProperties properties;

	private final Cache<String, Bucket> buckets = Caches.keptByCallers()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200_000)
		.build();

	private final TimeMeter time;

	LoginThrottle(IdentityProperties properties, Clock clock) {
		this.properties = properties;
		this.time = new ClockTime(clock);
	}

	boolean allows(String username, String address) {
		return bucket(userKey(username, address), properties.maxFailedLogins()).getAvailableTokens() > 0
				&& bucket(addressKey(address), properties.maxFailedLoginsPerAddress()).getAvailableTokens() > 0;
	}

	void failed(String username, String address) {
		bucket(userKey(username, address), properties.maxFailedLogins()).tryConsume(1);
		bucket(addressKey(address), properties.maxFailedLoginsPerAddress()).tryConsume(1);
	}

	void succeeded(String username, String address) {
		buckets.invalidate(userKey(username, address));
	}

	private Bucket bucket(String key, int capacity) {
		return buckets.get(key, k -> Bucket.builder()
			.withCustomTimePrecision(time)
			.addLimit(Bandwidth.builder()
				.capacity(capacity)
				.refillIntervally(capacity, properties.failedLoginWindow())
				.build())
			.build());
	}

	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			var now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

	private static String userKey(String username, String address) {
		return "u:" + (username == null ? "" : username.strip().toLowerCase()) + "@" + address;
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}

}
