package io.grassroots.identity.web;

/**
 * @param error the sign-in was refused (wrong name or password, or a disabled account)
 * @param throttled too many failures: wait before trying again
 * @param loggedOut the user just signed out
 */
public record LoginView(boolean error, boolean throttled, boolean loggedOut) {
}
