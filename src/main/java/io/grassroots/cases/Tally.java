package io.grassroots.cases;

/** What is counted against a case for the indicators: returns, reworks, extensions, reopenings. */
public record Tally(int returnCount, int reworkCount, int extensionCount, int reopenCount) {

	static Tally zero() {
		return new Tally(0, 0, 0, 0);
	}

	Tally returned() {
		return new Tally(returnCount + 1, reworkCount, extensionCount, reopenCount);
	}

	Tally reworked() {
		return new Tally(returnCount, reworkCount + 1, extensionCount, reopenCount);
	}

	Tally extended() {
		return new Tally(returnCount, reworkCount, extensionCount + 1, reopenCount);
	}

	Tally reopened() {
		return new Tally(returnCount, reworkCount, extensionCount, reopenCount + 1);
	}

}
