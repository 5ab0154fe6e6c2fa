package io.grassroots.cases.web;

import java.time.Duration;

import io.grassroots.cases.AttachmentTypes;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Photos as responses: the type their content says, private caching, no sniffing. */
final class Photos {

	private Photos() {
	}

	static ResponseEntity<byte[]> response(byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(AttachmentTypes.of(content)))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

}
