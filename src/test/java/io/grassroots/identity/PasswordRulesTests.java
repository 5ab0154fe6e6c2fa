package io.grassroots.identity;

import io.grassroots.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordRulesTests {

	@Test
	void aPasswordNeedsTenCharactersLettersAndDigitsAndNotTheUsername() {
		refused("wangwei", "Short-1", "identity.password.tooShort");
		refused("wangwei", "only-letters-here", "identity.password.lettersAndDigits");
		refused("wangwei", "1234567890-", "identity.password.lettersAndDigits");
		refused("wangwei", "WangWei-2026-x", "identity.password.containsUsername");
		assertThatCode(() -> PasswordPolicy.check("wangwei", "Grassroots-2026")).doesNotThrowAnyException();
		assertThatCode(() -> PasswordPolicy.check("wangwei", "基层治理平台密码2026")).doesNotThrowAnyException();
	}

	private static void refused(String username, String password, String key) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PasswordPolicy.check(username, password))
			.satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo(key));
	}

}
