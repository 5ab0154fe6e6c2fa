package io.grassroots.bench.lifecycle;

final class RawLoop implements Loop {
	RawLoop(Postgres postgres, String database, int poolSize) {}
	public String name() { return "raw"; }
	public String database() { return "x"; }
	public void start() {}
	public void lifecycle(long n) {}
	public String check() { return ""; }
	public void close() {}
}
