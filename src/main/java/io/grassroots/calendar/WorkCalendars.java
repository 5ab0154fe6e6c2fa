package io.grassroots.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.LoadingCache;
import io.grassroots.shared.Caches;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;

/**
 * The work calendar of every region, for the modules that compute deadlines. A region uses the office hours of the
 * nearest region above it that has some, the national days, and the regional holidays of itself and every region
 * above it. Calendars are kept in memory and reloaded a minute after a change on another node (at once on this one);
 * callers go on with the calendar they have while one in use is reloaded.
 */
@Service
public class WorkCalendars {

	/** How old what is kept may get: the delay after which a change on another node is seen. */
	private static final Duration KEPT = Duration.ofMinutes(1);

	private final CalendarStore store;

	/**
	 * The calendar of each region asked for, by the region itself (one look-up per deadline: the owner of the region
	 * and the owner's calendar were two caches, two look-ups on every clock a transition starts, bench/RESULTS.md §
	 * lifecycle, lifecycle21). Reloaded ahead ({@link Caches#refreshedAhead}): under load every deadline's caller
	 * waited while one of them built an expired calendar again (bench/RESULTS.md § intake, intake11).
	 */
	private final LoadingCache<RegionCode, WorkCalendar> calendars = Caches.refreshedAhead(KEPT, 20_000, this::load);

	private volatile Snapshot snapshot;

	WorkCalendars(CalendarStore store) {
		this.store = store;
	}

	/** The calendar of a region (a community, street, county …). */
	public WorkCalendar of(RegionCode region) {
		return calendars.get(region);
	}

	/**
	 * The calendar of the region's owner (see {@link #owner}), built once per owner from the tables as read: the
	 * regions below an owner share its calendar (the queues ask for the calendar of every row's community; building
	 * one per community copied every holiday each minute, and each copy built its own month tables).
	 */
	private WorkCalendar load(RegionCode region) {
		var data = snapshot();
		return data.calendars().computeIfAbsent(owner(data, region), owner -> build(data, owner));
	}

	/**
	 * The nearest region, itself or above, with office hours or days of its own: the regions below it without any
	 * share its calendar.
	 */
	private static RegionCode owner(Snapshot data, RegionCode region) {
		var code = region;
		while (!code.isRoot() && !data.hours().containsKey(code) && !data.days().containsKey(code)) {
			code = code.parentByDigits();
		}
		return code;
	}

	/** When a limit that starts now at this place runs out. */
	public Instant deadline(RegionCode region, Instant start, TimeLimit limit) {
		return of(region).deadline(start, limit);
	}

	/** When a limit runs out whose clock stopped during the given intervals. */
	public Instant deadline(RegionCode region, Instant start, TimeLimit limit, List<Interval> stopped) {
		return of(region).deadline(start, limit, stopped);
	}

	/** Time on the unit's clock between two instants at this place (office time for working units). */
	public Duration elapsed(RegionCode region, Instant from, Instant to, LimitUnit unit) {
		return of(region).elapsed(from, to, unit);
	}

	/** Forgets what is cached, after a change to the calendar tables. */
	void invalidate() {
		snapshot = null;
		calendars.invalidateAll();
	}

	private static WorkCalendar build(Snapshot data, RegionCode region) {
		var path = new ArrayDeque<RegionCode>();
		for (var code = region; !code.isRoot(); code = code.parentByDigits()) {
			path.push(code);
		}
		var days = new HashMap<LocalDate, CalendarDay>(data.days().getOrDefault(RegionCode.ROOT, Map.of()));
		var hours = data.hours().getOrDefault(RegionCode.ROOT, OfficeHours.standard());
		for (var code : path) {
			days.putAll(data.days().getOrDefault(code, Map.of()));
			hours = data.hours().getOrDefault(code, hours);
		}
		return new WorkCalendar(region, hours, days);
	}

	private Snapshot snapshot() {
		var current = snapshot;
		if (current == null || System.nanoTime() - current.loadedAt() > KEPT.toNanos()) {
			var days = new HashMap<RegionCode, Map<LocalDate, CalendarDay>>();
			store.days().forEach(d -> days.computeIfAbsent(d.region(), r -> new HashMap<>()).put(d.date(), d));
			current = Snapshot.reread(current, store.officeHours(), days, System.nanoTime());
			snapshot = current;
		}
		return current;
	}

	/** The calendar tables as read, and the calendars built from them (by owner). */
	record Snapshot(Map<RegionCode, OfficeHours> hours, Map<RegionCode, Map<LocalDate, CalendarDay>> days,
			ConcurrentHashMap<RegionCode, WorkCalendar> calendars, long loadedAt) {

		/**
		 * The snapshot after the tables were read again: while they read back as they were (the usual minute), the
		 * calendars already built are kept with the day and month tables they have worked out, instead of being built
		 * again empty every minute — each rebuilt calendar worked its tables out afresh on the callers' threads, and
		 * its first calls took the compiled deadline code down paths it had left (C2 recompiled
		 * {@code WorkCalendar.elapsed} in measured lifecycle rounds, bench/RESULTS.md § lifecycle, jit5).
		 */
		static Snapshot reread(Snapshot before, Map<RegionCode, OfficeHours> hours,
				Map<RegionCode, Map<LocalDate, CalendarDay>> days, long now) {
			if (before != null && before.hours().equals(hours) && before.days().equals(days)) {
				return new Snapshot(before.hours(), before.days(), before.calendars(), now);
			}
			return new Snapshot(hours, days, new ConcurrentHashMap<>(), now);
		}
	}

}
