package io.grassroots.cases;

/** 红黄绿灯: green while less than the yellow share of a limit is used, yellow up to the limit, red past it. */
public enum TrafficLight {

	GREEN, YELLOW, RED,
	/** The clock is stopped (parked). */
	PAUSED,
	/** No clock runs (a final state). */
	NONE

}
