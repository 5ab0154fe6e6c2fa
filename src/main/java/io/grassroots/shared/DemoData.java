package io.grassroots.shared;

/**
 * A step of the Changji demo data, contributed by the module that owns the data. Steps run in {@link #order()} on
 * start-up when {@code grassroots.demo.enabled} is true, each once per database.
 */
public interface DemoData {

	/** A stable name; a step that is recorded as loaded is not run again. */
	String name();

	/** Lower runs first: regions 100, accounts 200, grids 300, cases 400, and so on. */
	int order();

	void load();

}
