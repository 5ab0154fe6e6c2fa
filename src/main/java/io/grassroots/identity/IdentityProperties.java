package io.grassroots.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins failed sign-ins allowed per account and address before the window closes
 * @param maxFailedLoginsPerAddress failed sign-ins allowed from one address (many people may share one)
 * @param failedLoginWindow how long failures count
 */
@ConfigurationProperties("grassroots.identity")
public record IdentityProperties(@DefaultValue("5") int maxFailedLogins,
		@DefaultValue("50") int maxFailedLoginsPerAddress, @DefaultValue("15m") Duration failedLoginWindow) {
}
