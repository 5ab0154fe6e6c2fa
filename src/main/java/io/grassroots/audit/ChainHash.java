package io.grassroots.audit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.grassroots.shared.InstantText;
import io.grassroots.shared.Sha256;

/**
 * The hash of one link; the same function writes and verifies: SHA-256 of the UTF-8 bytes of the link's fields joined
 * by U+001F (previous hash, stream, sequence, {@link #stamp instant}, actor, action, details). The text is written
 * into a builder and a byte buffer kept per thread and encoded by the JDK's UTF-8 encoder as
 * {@code String.getBytes(UTF_8)} encodes it (an unpaired surrogate as {@code ?}), so a link costs no joined string,
 * no UTF-8 copy and no stamp string: those were the largest allocation of a transition's own code on its thread
 * (bench/RESULTS.md § lifecycle, lifecycle18).
 * A text longer than {@link #KEPT} characters is hashed the plain way, so that no large buffer stays with a thread.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private static final char SEPARATOR = '\u001f';

	/** The longest text whose buffers are kept per thread. */
	static final int KEPT = 8_192;

	private static final ThreadLocal<Text> TEXT = ThreadLocal.withInitial(Text::new);

	private ChainHash() {
	}

	static String of(String previousHash, String stream, int seq, Instant at, String actorId, String action,
			String details) {
		var text = TEXT.get();
		var chars = text.chars;
		chars.setLength(0);
		chars.append(previousHash).append(SEPARATOR).append(stream).append(SEPARATOR).append(seq).append(SEPARATOR);
		InstantText.append(chars, at).append(SEPARATOR);
		chars.append(actorId == null ? "" : actorId).append(SEPARATOR).append(action).append(SEPARATOR)
			.append(details == null ? "" : details);
		if (chars.length() > KEPT) {
			var joined = chars.toString();
			text.reset();
			return Sha256.hex(joined.getBytes(StandardCharsets.UTF_8));
		}
		var length = text.utf8(); // may grow the buffer
		return Sha256.hex(text.bytes(), 0, length);
	}

	/** {@code at.toString()} (ISO-8601, as the chain has always hashed it), written by {@link InstantText}. */
	static String stamp(Instant at) {
		return InstantText.of(at);
	}

	/** A thread's builder of a link's text, its characters, and the UTF-8 encoder and bytes they are encoded into. */
	private static final class Text {

		private StringBuilder chars = new StringBuilder(512);

		private char[] array = new char[512];

		/** {@link #array} as the encoder's input, wrapped once per array rather than once per link. */
		private CharBuffer in = CharBuffer.wrap(array);

		/** Grown to three bytes per character of the text (a surrogate pair is four bytes for two), at most {@link #KEPT}'s. */
		private ByteBuffer bytes = ByteBuffer.allocate(1_536);

		/** The JDK's UTF-8 encoder with {@code String.getBytes(UTF_8)}'s rule: an unpaired surrogate becomes {@code ?}. */
		private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);

		void reset() {
			chars = new StringBuilder(512);
			array = new char[512];
			in = CharBuffer.wrap(array);
		}

		/** Encodes {@link #chars} into {@link #bytes} as {@code String.getBytes(UTF_8)} does; answers the length. */
		int utf8() {
			var length = chars.length();
			if (array.length < length) {
				array = new char[length];
				in = CharBuffer.wrap(array);
			}
			if (bytes.capacity() < 3 * length) {
				bytes = ByteBuffer.allocate(3 * length);
			}
			chars.getChars(0, length, array, 0);
			bytes.clear();
			encoder.reset();
			in.clear().limit(length);
			encoder.encode(in, bytes, true);
			encoder.flush(bytes);
			return bytes.position();
		}

		byte[] bytes() {
			return bytes.array();
		}

	}

}
