package io.grassroots.audit;

import java.io.PrintStream;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command {@code --verify-audit}: checks every chain of the history, prints the result and sets the exit code,
 * 0 when every chain is intact and 1 at the first broken link. {@code GrassrootsApplication} runs it without a web
 * server and exits with that code.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String OPTION = "verify-audit";

	private final AuditTrail audit;

	private final MessageSource messages;

	private int exitCode;

	VerifyAuditCommand(AuditTrail audit, MessageSource messages) {
		this.audit = audit;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(OPTION)) {
			exitCode = verify(System.out);
		}
	}

	int verify(PrintStream out) {
		var result = audit.verify();
		if (result.intact()) {
			out.printf("Audit trail intact: %d entries in %d streams verified.%n", result.entries(), result.streams());
			return 0;
		}
		var broken = result.firstBroken();
		out.printf("Audit trail BROKEN: %d entries in %d streams verified; the first broken link is%n",
				result.entries(), result.streams());
		out.printf("  entry %d, stream %s, seq %d, written %s by %s (%s)%n  %s%n", broken.entryNo(), broken.stream(),
				broken.seq(), broken.at(), broken.actorName(), broken.action(),
				messages.getMessage(result.reason(), null, result.reason(), Locale.ENGLISH));
		return 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
