package io.grassroots.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a start's time went besides the started processes' own CPU (bench/run start): the tree's user and system CPU
 * and major page faults (files read from disk rather than the page cache), and the host over the same interval — the
 * CPU of every other process (the 2 cores' busy time less the tree's), the time the cores waited for the disk
 * (iowait), and the dirty and in-writeback page cache when the start began (what an earlier build or training run
 * left for the kernel to write). From /proc; zeros where it cannot be read.
 */
record StartSplit(double userSeconds, double systemSeconds, long majorFaults, double hostOtherSeconds,
		double iowaitSeconds, double dirtyMib, String archives) {

	/** The host's counters at one moment, and the dirty page cache. */
	record Host(long busyTicks, long iowaitTicks, double dirtyMib) {

		static Host now() {
			try {
				var cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long busy = 0;
				// user nice system idle iowait irq softirq steal: busy = all but idle and iowait
				for (var i = 1; i <= 8 && i < cpu.length; i++) {
					if (i != 4 && i != 5) {
						busy += Long.parseLong(cpu[i]);
					}
				}
				var dirty = 0.0;
				for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
					if (line.startsWith("Dirty:") || line.startsWith("Writeback:")) {
						dirty += Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
					}
				}
				return new Host(busy, Long.parseLong(cpu[5]), dirty);
			}
			catch (IOException | RuntimeException e) {
				return new Host(0, 0, 0);
			}
		}

	}

	/** The split of a start of the given processes that began at {@code before} and is ready now. */
	static StartSplit of(List<ProcessHandle> tree, Host before) {
		var after = Host.now();
		double user = 0;
		double system = 0;
		long faults = 0;
		for (var p : tree) {
			var f = fields(p.pid());
			if (f.length > 12) {
				// fields counted from the state field: [9] majflt, [11] utime, [12] stime (ticks of 10 ms)
				faults += Long.parseLong(f[9]);
				user += Long.parseLong(f[11]) / 100.0;
				system += Long.parseLong(f[12]) / 100.0;
			}
		}
		var hostBusy = (after.busyTicks() - before.busyTicks()) / 100.0;
		return new StartSplit(user, system, faults, Math.max(0, hostBusy - user - system),
				(after.iowaitTicks() - before.iowaitTicks()) / 100.0, before.dirtyMib(), archives(tree));
	}

	/** The class-data archives the processes mapped (file names of {@code *.jsa} in /proc/<pid>/maps). */
	private static String archives(List<ProcessHandle> tree) {
		var names = new java.util.TreeSet<String>();
		for (var p : tree) {
			try (var lines = Files.lines(Path.of("/proc", Long.toString(p.pid()), "maps"))) {
				lines.filter(l -> l.endsWith(".jsa"))
					.forEach(l -> names.add(Path.of(l.substring(l.indexOf('/'))).getFileName().toString()));
			}
			catch (IOException | RuntimeException e) {
				// gone
			}
		}
		return names.isEmpty() ? "none" : String.join("+", names);
	}

	private static String[] fields(long pid) {
		try {
			var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException e) {
			return new String[0];
		}
	}

	@Override
	public String toString() {
		return String.format("user %.2f s, system %.2f s, major faults %d; host: others' CPU %.2f s, iowait %.2f s, "
				+ "dirty+writeback at start %.0f MiB; archives mapped %s", userSeconds, systemSeconds, majorFaults,
				hostOtherSeconds, iowaitSeconds, dirtyMib, archives);
	}

}
