package io.grassroots.grid;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Visit photos, kept in the database. The type is decided by the file's first bytes (JPEG, PNG or WebP), never by
 * its name or the browser's claim; anything else, and anything larger than the limit, is refused.
 */
@Component
class Photos {

	private final JdbcClient jdbc;

	private final GridProperties properties;

	Photos(JdbcClient jdbc, GridProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	static String sniff(byte[] content) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
				&& (content[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (content.length >= 8 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N'
				&& content[3] == 'G' && content[4] == 0x0D && content[5] == 0x0A && content[6] == 0x1A
				&& content[7] == 0x0A) {
			return "image/png";
		}
		if (content.length >= 12 && content[0] == 'R' && content[1] == 'I' && content[2] == 'F' && content[3] == 'F'
				&& content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

	UUID store(byte[] content, Instant now) {
		if (content.length > properties.photoMaxBytes()) {
			throw InvalidInputException.of("photo", "grid.photo.tooLarge", properties.photoMaxBytes() / 1024 / 1024);
		}
		var type = sniff(content);
		if (type == null) {
			throw InvalidInputException.of("photo", "grid.photo.notAnImage");
		}
		var id = UUID.randomUUID();
		jdbc.sql("insert into grid_photo (id, content_type, content, uploaded_at) values (:id, :type, :content, :at)")
			.param("id", id)
			.param("type", type)
			.param("content", content)
			.param("at", Timestamp.from(now))
			.update();
		return id;
	}

	Optional<VisitPhoto> find(UUID id) {
		return jdbc.sql("select content_type, content from grid_photo where id = :id")
			.param("id", id)
			.query((rs, n) -> new VisitPhoto(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

}
