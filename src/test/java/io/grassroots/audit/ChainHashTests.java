package io.grassroots.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The chain hashes the entry's instant as {@link Instant#toString()} writes it, however it is written. */
class ChainHashTests {

	@Test
	void anInstantIsStampedCharacterForCharacterAsInstantToStringWritesIt() {
		var random = new SplittableRandom(20261204);
		for (var i = 0; i < 200_000; i++) {
			var at = Instant.ofEpochMilli(random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L));
			assertThat(ChainHash.stamp(at)).isEqualTo(at.toString());
			var whole = at.truncatedTo(ChronoUnit.SECONDS);
			assertThat(ChainHash.stamp(whole)).isEqualTo(whole.toString());
		}
	}

	@Test
	void instantsAtTheEdgesAndBeyondAreStampedAsInstantToStringWritesThem() {
		for (var at : new Instant[] { Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
				Instant.parse("9999-12-31T23:59:59.999Z"), Instant.ofEpochSecond(253_402_300_800L),
				Instant.ofEpochSecond(-62_167_219_201L), Instant.parse("2026-12-04T19:00:00.120Z"),
				Instant.parse("2026-12-04T19:00:00.000001Z"), Instant.parse("2026-12-04T19:00:00.123456789Z"),
				Instant.parse("1969-12-31T23:59:59.999Z"), Instant.MIN, Instant.MAX }) {
			assertThat(ChainHash.stamp(at)).isEqualTo(at.toString());
		}
	}

	@Test
	void aLinkHashesTheSameTextAsBefore() {
		var at = Instant.parse("2026-12-04T19:00:00.120Z");

		assertThat(ChainHash.of(ChainHash.GENESIS, "case/1", 1, at, "a", "case.reported", "{}"))
			.isEqualTo(java.util.HexFormat.of().formatHex(sha256(String.join("\u001f", ChainHash.GENESIS, "case/1", "1",
					"2026-12-04T19:00:00.120Z", "a", "case.reported", "{}"))));
	}

	@Test
	void aLinkIsHashedOverTheUtf8BytesOfItsJoinedFieldsWhateverTheirCharacters() {
		var random = new SplittableRandom(20261206);
		var alphabet = new char[] { 'a', 'Z', '0', '"', '\\', '\u001f', '\n', '\u00e9', '\u07ff', '\u0800', '\u4e2d',
				'\uffff', '\ud83d', '\ude00', '\ud800', '\udfff' };
		for (var i = 0; i < 20_000; i++) {
			var at = Instant.ofEpochMilli(random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L));
			var seq = random.nextInt(1, Integer.MAX_VALUE);
			var actor = random.nextInt(5) == 0 ? null : text(random, alphabet, random.nextInt(0, 40));
			var details = random.nextInt(5) == 0 ? null
					: text(random, alphabet, random.nextInt(10) == 0 ? random.nextInt(2_000, 12_000) : random.nextInt(0, 400));
			var stream = "case/" + text(random, alphabet, random.nextInt(0, 40));
			var action = text(random, alphabet, random.nextInt(0, 20));
			var previous = i % 2 == 0 ? ChainHash.GENESIS : ChainHash.of(ChainHash.GENESIS, stream, 1, at, actor, action, "{}");

			assertThat(ChainHash.of(previous, stream, seq, at, actor, action, details))
				.isEqualTo(java.util.HexFormat.of().formatHex(sha256(String.join("\u001f", previous, stream,
						Integer.toString(seq), at.toString(), actor == null ? "" : actor, action,
						details == null ? "" : details))));
		}
	}

	private static String text(SplittableRandom random, char[] alphabet, int length) {
		var text = new char[length];
		for (var i = 0; i < length; i++) {
			text[i] = alphabet[random.nextInt(alphabet.length)];
		}
		return new String(text);
	}

	private static byte[] sha256(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
