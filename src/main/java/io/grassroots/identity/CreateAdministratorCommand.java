package io.grassroots.identity;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Locale;

import io.grassroots.shared.InvalidInputException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command {@code --create-administrator=<username>}: opens the first administrator of an empty production
 * database (demo accounts exist only with the demo data). The password comes from the environment variable
 * {@value #PASSWORD_VARIABLE}, never from the command line, where other users of the host could read it. Exits with
 * 0 when the account was opened, 1 when an account of that name exists (it is left as it is) and 2 when the input is
 * refused.
 */
@Component
class CreateAdministratorCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String OPTION = "create-administrator";

	static final String PASSWORD_VARIABLE = "GRASSROOTS_ADMIN_PASSWORD";

	/** The region code of the whole country: the root of every region scope. */
	static final String WHOLE_COUNTRY = "000000000000";

	private final AccountProvisioning provisioning;

	private final AccountRepository accounts;

	private final Environment environment;

	private final MessageSource messages;

	private int exitCode;

	CreateAdministratorCommand(AccountProvisioning provisioning, AccountRepository accounts, Environment environment,
			MessageSource messages) {
		this.provisioning = provisioning;
		this.accounts = accounts;
		this.environment = environment;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(OPTION)) {
			var values = args.getOptionValues(OPTION);
			var username = values.isEmpty() ? "" : values.get(0);
			exitCode = create(username, environment.getProperty(PASSWORD_VARIABLE), System.out);
		}
	}

	int create(String username, String password, PrintStream out) {
		if (username == null || !username.matches("[a-z][a-z0-9._-]{2,39}")) {
			out.println("Refused: give the username as --create-administrator=<username> (3–40 lower-case letters, "
					+ "digits, '.', '_' or '-', starting with a letter).");
			return 2;
		}
		if (password == null || password.isBlank()) {
			out.printf("Refused: set the password in the environment variable %s.%n", PASSWORD_VARIABLE);
			return 2;
		}
		if (accounts.findByUsername(username).isPresent()) {
			out.printf("Account %s exists already; nothing was changed.%n", username);
			return 1;
		}
		try {
			PasswordPolicy.check(username, password);
		}
		catch (InvalidInputException ex) {
			out.printf("Refused: %s%n",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), Locale.ENGLISH));
			return 2;
		}
		provisioning.ensure(username, "系统管理员", password, EnumSet.of(Role.ADMINISTRATOR), DataScope.Kind.REGION,
				WHOLE_COUNTRY);
		out.printf("Administrator %s opened (whole country); sign in and change the password.%n", username);
		return 0;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
