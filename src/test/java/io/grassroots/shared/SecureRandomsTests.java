package io.grassroots.shared;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every thread draws from a strong generator of its own, not from one all threads queue on. */
class SecureRandomsTests {

	@Test
	void aThreadKeepsItsOwnDrbgAndAnotherThreadGetsAnother() throws Exception {
		var here = SecureRandoms.current();
		var there = CompletableFuture.supplyAsync(SecureRandoms::current, r -> new Thread(r).start()).get();

		assertThat(SecureRandoms.current()).isSameAs(here);
		assertThat(there).isNotSameAs(here);
		assertThat(here.getAlgorithm()).isEqualTo("DRBG");
		assertThat(there.getAlgorithm()).isEqualTo("DRBG");
	}

	@Test
	void twoThreadsDrawDifferentBytes() throws Exception {
		var mine = new byte[32];
		SecureRandoms.current().nextBytes(mine);
		var theirs = CompletableFuture.supplyAsync(() -> {
			var bytes = new byte[32];
			SecureRandoms.current().nextBytes(bytes);
			return bytes;
		}, r -> new Thread(r).start()).get();

		assertThat(theirs).isNotEqualTo(mine);
	}

}
