package io.grassroots.bench.http;

import java.io.File;
import java.nio.file.Path;

/** bench/run intake | bench/run start: see bench/README.md. */
public final class HttpBench {

	private HttpBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: HttpBench intake|start [--name=value …]");
			System.exit(2);
		}
		var rest = java.util.Arrays.copyOfRange(args, 1, args.length);
		switch (args[0]) {
			case "intake" -> new IntakeBench(new Options(rest)).run();
			case "start" -> new StartBench(new Options(rest)).run();
			case "intake-cost" -> new IntakeCost(new Options(rest)).run();
			default -> {
				System.err.println("unknown benchmark " + args[0]);
				System.exit(2);
			}
		}
		System.exit(0);
	}

	/** The runnable jar the reactor just built (target/grassroots-*-exec.jar of the project root). */
	static String productJar() {
		var files = new File("target").listFiles((dir, name) -> name.startsWith("grassroots-") && name.endsWith("-exec.jar"));
		if (files == null || files.length != 1) {
			throw new IllegalStateException("expected one target/grassroots-*-exec.jar; build it first");
		}
		return Path.of(files[0].getPath()).toAbsolutePath().toString();
	}

}
