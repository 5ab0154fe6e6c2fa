package io.grassroots.identity;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.grassroots.shared.Caches;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and address, and per address alone, in token buckets: when a bucket is
 * empty, sign-in is refused until it refills. Kept per node; with several nodes behind a load balancer the limit
 * applies on each node (see docs/decisions).
 */
@Component
class LoginThrottle {

	private final IdentityProperties properties;

	private final Cache<String, Bucket> buckets = Caches.keptByCallers()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200_000)
		.build();

	LoginThrottle(IdentityProperties properties) {
		this.properties = properties;
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
			.addLimit(Bandwidth.builder()
				.capacity(capacity)
				.refillIntervally(capacity, properties.failedLoginWindow())
				.build())
			.build());
	}

	private static String userKey(String username, String address) {
		return "u:" + (username == null ? "" : username.strip().toLowerCase()) + "@" + address;
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}

}
