package io.grassroots.bench.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A loop run in a JVM of its own ({@code --jvm per-loop}, decision 0021 amended 2026-12-06): the child is this bench
 * started again with {@code --serve <loop>}, the same JVM options and class path; it creates, starts and warms up
 * its loop, then runs each phase this JVM asks for (a line on its standard input) and answers its figures on a line
 * of its own ({@link #ANSWER}); every other line it prints is passed on as it is. So the phases of one loop (its JIT's
 * compilations, its heap, its caches) leave nothing behind in the JVM that measures another loop, while the rounds
 * stay interleaved loop by loop as in one JVM.
 */
final class OtherJvm implements Loop {

	/** How a child's line with the figures of a phase begins. */
	static final String ANSWER = "@@ ";

	private final String name;

	private final String database;

	private final List<String> args;

	private Process process;

	private BufferedReader out;

	private PrintWriter in;

	OtherJvm(String name, String database, String[] args) {
		this.name = name;
		this.database = database;
		this.args = List.of(args);
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String database() {
		return database;
	}

	/** Starts the child, which creates, starts and warms up its loop; returns when it is ready. */
	@Override
	public void start() throws IOException {
		var command = new ArrayList<String>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(LifecycleBench.class.getName());
		command.addAll(args);
		command.addAll(List.of("--jvm", "one", "--serve", name));
		process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		answer();
	}

	/** Asks the child to run a phase ({@code command} and its arguments) and answers its figures. */
	double[] ask(String command) throws IOException {
		in.println(command);
		var answer = answer().trim();
		return answer.isEmpty() ? new double[0]
				: Arrays.stream(answer.split(" ")).mapToDouble(Double::parseDouble).toArray();
	}

	/** Passes the child's lines on until its answer, which it returns (without {@link #ANSWER}). */
	private String answer() throws IOException {
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith(ANSWER)) {
				return line.substring(ANSWER.length());
			}
			System.out.println(line);
		}
		throw new IllegalStateException(name + "'s JVM ended without an answer (exit " + waitFor() + ")");
	}

	private int waitFor() {
		try {
			return process.waitFor();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	@Override
	public void lifecycle(long n) {
		throw new UnsupportedOperationException(name + " runs in its own JVM");
	}

	@Override
	public Steps steps() {
		throw new UnsupportedOperationException(name + " runs in its own JVM");
	}

	@Override
	public String check() {
		try {
			in.println("check");
			return answer();
		}
		catch (IOException e) {
			return "not checked: " + e.getMessage();
		}
	}

	@Override
	public void close() {
		if (process == null) {
			return;
		}
		in.println("exit");
		try {
			String line;
			while ((line = out.readLine()) != null) {
				System.out.println(line);
			}
		}
		catch (IOException e) {
			// the child's output is gone with it
		}
		if (waitFor() != 0) {
			System.out.printf("%s's JVM exited with %d%n", name, process.exitValue());
		}
	}

}
