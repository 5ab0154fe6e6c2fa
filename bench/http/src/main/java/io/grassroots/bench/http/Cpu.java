package io.grassroots.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from /proc/<pid>/stat (utime + stime, clock ticks of 10 ms), so figures on a shared machine
 * can be read as work done rather than wall time only. */
final class Cpu {

	private Cpu() {
	}

	static double ms(long pid) {
		try {
			var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[11] = utime, fields[12] = stime (fields 14 and 15 of proc(5), counted from the state field)
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/** When the process started, in clock ticks (10 ms) since the machine booted (field 22 of proc(5)). */
	static long startTicks(long pid) {
		try {
			var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[19]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

}
