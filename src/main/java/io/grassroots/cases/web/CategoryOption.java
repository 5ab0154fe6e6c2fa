package io.grassroots.cases.web;

/** A category as a choice in a form: {@code value} is {@code standard:code}, {@code label} its path. */
public record CategoryOption(String value, String label, String standard) {
}
