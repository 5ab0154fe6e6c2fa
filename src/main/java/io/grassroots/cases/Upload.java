package io.grassroots.cases;

/** A file as it arrived (a photo); its name is kept for the record but never trusted. */
public record Upload(String name, byte[] content) {

	public Upload {
		content = content == null ? new byte[0] : content;
	}

}
