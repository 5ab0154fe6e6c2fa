package io.grassroots.shared;

/** The caller is known but may not do this here (role or data scope). */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	@Override
	public int status() {
		return 403;
	}

}
