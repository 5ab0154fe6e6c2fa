package io.grassroots.shared.web;

/** Rehearsal passes for other modules' tests: an open pass of a known secret, its header, its closing. */
public final class RehearsalPasses {

	private RehearsalPasses() {
	}

	public static RehearsalPass open(String secret) {
		return new RehearsalPass(secret);
	}

	public static String header(RehearsalPass pass, String role) {
		return pass.header(role);
	}

	public static void close(RehearsalPass pass) {
		pass.close();
	}

}
