package io.grassroots.shared.web;

/**
 * What the console shows of the signed-in account; implemented by the identity module's principal.
 */
public interface ConsoleUser {

	String displayName();

	/** Where the account may look, in words (a region, a department or a grid). */
	String scopeLabel();

}
