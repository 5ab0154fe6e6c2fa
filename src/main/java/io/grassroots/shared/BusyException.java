package io.grassroots.shared;

/** The service cannot take the request now (a queue is full, or it is shutting down); try again after a while. */
public class BusyException extends DomainException {

	private final int retryAfterSeconds;

	public BusyException(String messageKey, int retryAfterSeconds) {
		super(messageKey);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** How long the caller should wait before trying again (the Retry-After header). */
	public int retryAfterSeconds() {
		return retryAfterSeconds;
	}

	@Override
	public int status() {
		return 503;
	}

}
