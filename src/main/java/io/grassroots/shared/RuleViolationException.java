package io.grassroots.shared;

/** The request is well formed, but a business rule refuses it (for example a transition the state does not allow). */
public class RuleViolationException extends DomainException {

	public RuleViolationException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	@Override
	public int status() {
		return 422;
	}

}
