package io.grassroots.shared;

import java.util.List;

/**
 * Input that cannot be accepted, with every problem found and where it is (a field, a row, a feature).
 */
public class InvalidInputException extends DomainException {

	private final transient List<Violation> violations;

	public InvalidInputException(String messageKey, List<Violation> violations, Object... arguments) {
		super(messageKey, arguments);
		this.violations = List.copyOf(violations);
	}

	public static InvalidInputException of(String where, String messageKey, Object... arguments) {
		return new InvalidInputException(messageKey, List.of(new Violation(where, messageKey, arguments)), arguments);
	}

	public List<Violation> violations() {
		return violations;
	}

	@Override
	public int status() {
		return 400;
	}

	/**
	 * One problem: {@code where} names the field, row or feature; the message is a key with its arguments.
	 */
	public record Violation(String where, String messageKey, Object... arguments) {
	}

}
