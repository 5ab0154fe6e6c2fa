package io.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** SHA-256 in hex, one digest per thread. */
class Sha256Tests {

	@Test
	void hashesAsTheStandardsTestVectorsSayInLowerCaseHex() {
		assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.hex(new byte[0]))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void aPartOfAnArrayHashesAsThosePartsBytesAloneHashAfterHash() {
		var framed = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
		for (var i = 0; i < 3; i++) {
			assertThat(Sha256.hex(framed, 2, 3))
				.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
			assertThat(Sha256.hex(framed, 0, 0))
				.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		}
	}

	@Test
	void threadsHashingAtOnceEachGetTheirOwnRightHash() throws Exception {
		var pool = Executors.newFixedThreadPool(4);
		try {
			var hashes = new ArrayList<Future<String>>();
			for (var i = 0; i < 400; i++) {
				hashes.add(pool.submit(() -> Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))));
			}
			for (var h : hashes) {
				assertThat(h.get()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
