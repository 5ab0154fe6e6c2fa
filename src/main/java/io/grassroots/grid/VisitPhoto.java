package io.grassroots.grid;

/** A visit photo as stored: its sniffed content type and its bytes. */
public record VisitPhoto(String contentType, byte[] content) {
}
