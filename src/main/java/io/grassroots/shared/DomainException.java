package io.grassroots.shared;

/**
 * A business error with a message key from the message bundles, so that the API and the console can both say
 * what went wrong in the user's language. The HTTP status is decided by the subclass.
 */
public abstract class DomainException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	protected DomainException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public abstract int status();

}
