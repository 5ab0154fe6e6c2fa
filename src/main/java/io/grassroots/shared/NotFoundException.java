package io.grassroots.shared;

/** Something the caller named does not exist, or lies outside the caller's data scope. */
public class NotFoundException extends DomainException {

	public NotFoundException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	@Override
	public int status() {
		return 404;
	}

}
