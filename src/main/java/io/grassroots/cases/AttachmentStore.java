package io.grassroots.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps photos in the database (the default: backups and restores carry them) or, when
 * {@code grassroots.cases.attachment-directory} is set, as files named by their id in that directory; the row
 * holds the metadata either way. A file written for a transaction that rolls back is removed again.
 */
@Repository
class AttachmentStore {

	private final JdbcClient jdbc;

	private final Path directory;

	AttachmentStore(JdbcClient jdbc, CasesProperties properties) {
		this.jdbc = jdbc;
		this.directory = properties.attachmentDirectory().isBlank() ? null : Path.of(properties.attachmentDirectory());
	}

	List<UUID> add(CaseId caseId, CaseAction purpose, List<AttachmentCheck.Checked> photos, String by, Instant at) {
		return photos.stream().map(photo -> add(caseId, purpose, photo, by, at)).toList();
	}

	private UUID add(CaseId caseId, CaseAction purpose, AttachmentCheck.Checked photo, String by, Instant at) {
		var id = UUID.randomUUID();
		var path = directory == null ? null : write(id, photo.content());
		jdbc.sql("""
				insert into cases_attachment (id, case_id, purpose, media_type, size_bytes, sha256, content, stored_path,
				added_at, added_by) values (:id, :case, :purpose, :type, :size, :sha, :content, :path, :at, :by)""")
			.param("id", id)
			.param("case", caseId.id())
			.param("purpose", purpose.name())
			.param("type", photo.mediaType())
			.param("size", photo.content().length)
			.param("sha", photo.sha256())
			.param("content", path == null ? photo.content() : null)
			.param("path", path)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
		return id;
	}

	List<Attachment> of(CaseId caseId) {
		return jdbc.sql("""
				select id, purpose, media_type, size_bytes, sha256, added_at, added_by from cases_attachment
				where case_id = :case order by added_at, id""")
			.param("case", caseId.id())
			.query((rs, n) -> new Attachment(rs.getObject("id", UUID.class), caseId,
					CaseAction.valueOf(rs.getString("purpose")), rs.getString("media_type"), rs.getInt("size_bytes"),
					rs.getString("sha256"), rs.getTimestamp("added_at").toInstant(), rs.getString("added_by")))
			.list();
	}

	Optional<byte[]> content(CaseId caseId, UUID id) {
		return jdbc.sql("select content, stored_path from cases_attachment where id = :id and case_id = :case")
			.param("id", id)
			.param("case", caseId.id())
			.query((rs, n) -> rs.getBytes("content") != null ? rs.getBytes("content") : read(rs.getString("stored_path")))
			.optional();
	}

	private String write(UUID id, byte[] content) {
		try {
			Files.createDirectories(directory);
			var file = directory.resolve(id.toString());
			Files.write(file, content);
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						if (status != STATUS_COMMITTED) {
							file.toFile().delete();
						}
					}
				});
			}
			return file.getFileName().toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private byte[] read(String name) {
		try {
			return Files.readAllBytes(directory.resolve(name));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
