package io.grassroots.cases;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Enum values as message arguments, so that problem messages name states and actions in the reader's language. */
final class CaseLabels {

	private CaseLabels() {
	}

	static MessageSourceResolvable status(CaseStatus status) {
		return label(status);
	}

	static MessageSourceResolvable action(CaseAction action) {
		return label(action);
	}

	static MessageSourceResolvable tier(Tier tier) {
		return label(tier);
	}

	static MessageSourceResolvable label(Enum<?> value) {
		var key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
		return new DefaultMessageSourceResolvable(new String[] { key }, value.name());
	}

}
