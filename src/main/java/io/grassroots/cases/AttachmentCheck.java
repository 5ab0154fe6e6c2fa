package io.grassroots.cases;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.Sha256;

/**
 * Accepts photos by what they contain, never by their name: JPEG, PNG, WebP and HEIC are recognised by their first
 * bytes; anything else (a text file named .jpg, say) is refused, and so is anything too large.
 */
final class AttachmentCheck {

	private AttachmentCheck() {
	}

	/** A photo that passed the check. */
	record Checked(String mediaType, byte[] content, String sha256) {
	}

	static List<Checked> check(List<Upload> uploads, int maxBytes, int maxFiles) {
		if (uploads == null || uploads.isEmpty()) {
			return List.of(); // most transitions carry no photo: no stream for nothing
		}
		var files = uploads == null ? List.<Upload>of() : uploads.stream().filter(u -> u.content().length > 0).toList();
		var violations = new ArrayList<InvalidInputException.Violation>();
		if (files.size() > maxFiles) {
			violations.add(new InvalidInputException.Violation("photos", "cases.photo.tooMany", maxFiles));
		}
		var checked = new ArrayList<Checked>();
		for (var i = 0; i < files.size() && i < maxFiles; i++) {
			var content = files.get(i).content();
			var type = mediaType(content);
			if (content.length > maxBytes) {
				violations.add(new InvalidInputException.Violation("photos[" + i + "]", "cases.photo.tooLarge",
						maxBytes / 1024 / 1024));
			}
			else if (type.isEmpty()) {
				violations.add(new InvalidInputException.Violation("photos[" + i + "]", "cases.photo.notAnImage"));
			}
			else {
				checked.add(new Checked(type.get(), content, sha256(content)));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException("cases.photo.refused", violations);
		}
		return checked;
	}

	/** The media type the content's first bytes say, if it is an image we accept. */
	static Optional<String> mediaType(byte[] c) {
		if (c.length >= 4 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
			return Optional.of("image/jpeg");
		}
		if (c.length >= 8 && Arrays.equals(Arrays.copyOf(c, 8),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return Optional.of("image/png");
		}
		if (c.length >= 12 && ascii(c, 0, 4).equals("RIFF") && ascii(c, 8, 4).equals("WEBP")) {
			return Optional.of("image/webp");
		}
		if (c.length >= 12 && ascii(c, 4, 4).equals("ftyp")
				&& List.of("heic", "heix", "mif1", "msf1", "hevc").contains(ascii(c, 8, 4))) {
			return Optional.of("image/heic");
		}
		return Optional.empty();
	}

	private static String ascii(byte[] c, int from, int length) {
		return new String(c, from, length, StandardCharsets.ISO_8859_1);
	}

	static String sha256(byte[] content) {
		return Sha256.hex(content);
	}

}
