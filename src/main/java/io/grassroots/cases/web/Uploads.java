package io.grassroots.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.grassroots.cases.Upload;

import org.springframework.web.multipart.MultipartFile;

/** Multipart files as uploads; their names are kept only for the record. */
final class Uploads {

	private Uploads() {
	}

	static List<Upload> of(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty()).map(Uploads::upload).toList();
	}

	private static Upload upload(MultipartFile file) {
		try {
			return new Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
