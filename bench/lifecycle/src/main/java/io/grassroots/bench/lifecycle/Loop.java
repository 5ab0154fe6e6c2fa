package io.grassroots.bench.lifecycle;

/**
 * One implementation of the closed loop: report → file → dispatch → claim → report back → verify (pass, which
 * closes) → evaluate, each step its own transaction, as the people of the loop would drive it one after the other.
 */
interface Loop extends AutoCloseable {

	/** The name printed in the tables. */
	String name();

	/** The database this loop writes to (for the statement, WAL and storage figures). */
	String database();

	/** Creates the schema, boots what must be booted; not timed. */
	void start() throws Exception;

	/** Drives one case through the whole loop; {@code n} is unique over the run. */
	void lifecycle(long n) throws Exception;

	/** Wall time of each step of the lifecycle, as the driving threads measured it. */
	Steps steps();

	/** After the run: how many cases went all the way round (and how many did not). */
	String check();

	@Override
	void close();

}
