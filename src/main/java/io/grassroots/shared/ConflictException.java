package io.grassroots.shared;

/** The caller acted on a stale version, or the thing already exists. */
public class ConflictException extends DomainException {

	public ConflictException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	@Override
	public int status() {
		return 409;
	}

}
