package io.grassroots.cases;

/** The media type of stored photo content, for serving it. */
public final class AttachmentTypes {

	private AttachmentTypes() {
	}

	public static String of(byte[] content) {
		return AttachmentCheck.mediaType(content).orElse("application/octet-stream");
	}

}
