package io.grassroots.audit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.grassroots.calendar.OfficeHours;
import io.grassroots.calendar.WorkCalendar;
import io.grassroots.shared.Caches;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.TransactionTasks;
import io.grassroots.shared.UpkeepTurns;

/**
 * The CPU and allocation that one lifecycle's traffic on the audit chain's remembered heads and on the work calendars
 * costs the whole process, on several threads, as the product has them ({@code ring}: {@link ChainHeads}, the last
 * {@link ChainHeads#MAXIMUM} remembers in a ring over a {@code ConcurrentHashMap}, and one look-up of a region's
 * calendar) against what they were before lifecycle21 ({@code caffeine}: the heads in Caffeine, size 50,000, expiry 30
 * minutes after access, upkeep on the callers, the same calls as its code made; the calendar found by two look-ups,
 * the region's owner and the owner's calendar, both {@link Caches#refreshedAhead}). Per lifecycle the intake remembers
 * the case stream's first head; six transitions each read the head and remember the next; five clocks are started,
 * each a calendar look-up of the case's community (one of 1,000 under 20 counties), with a pause between steps as a
 * round trip makes. The heads' bound is full from the first turn on (as in the lifecycle bench); turns A B B A in one
 * JVM; per turn the process's CPU, the driving threads' CPU and their allocation per lifecycle (exact on a busy
 * machine), and how many head reads found nothing (each a read of the head in the product):
 *
 * <pre>
 * java -cp "bench/lifecycle/target/classes:$(cat bench/lifecycle/target/classpath.txt)" io.grassroots.audit.HeadUpkeep 4 6
 * </pre>
 */
public final class HeadUpkeep {

	private static final int LIFECYCLES = 10_000;

	private static final int COMMUNITIES = 1_000;

	private static final RegionCode[] PLACES = new RegionCode[COMMUNITIES];

	static {
		for (var i = 0; i < COMMUNITIES; i++) {
			PLACES[i] = RegionCode.of(String.format("6523%02d%03d%03d", i % 20, 1 + i / 20, 1));
		}
	}

	private HeadUpkeep() {
	}

	/** One lifecycle's traffic on one of the two. */
	private interface Remembering {

		ChainHeads.Head head(String stream);

		void committed(String stream, int seq, String hash);

		WorkCalendar calendar(RegionCode region);

	}

	/** The product's {@link ChainHeads}, and one look-up of a region's calendar. */
	private static final class Ring implements Remembering {

		private final ChainHeads heads = new ChainHeads();

		private final LoadingCache<RegionCode, WorkCalendar> calendars = Caches.refreshedAhead(Duration.ofMinutes(1),
				20_000, region -> calendarOf(owner(region)));

		@Override
		public ChainHeads.Head head(String stream) {
			return heads.of(stream);
		}

		@Override
		public void committed(String stream, int seq, String hash) {
			heads.committed(stream, seq, hash);
		}

		@Override
		public WorkCalendar calendar(RegionCode region) {
			return calendars.get(region);
		}

	}

	/** The code before lifecycle21: the heads in Caffeine, the calendar by two look-ups. */
	private static final class Caffeine implements Remembering {

		private final Cache<String, ChainHeads.Head> heads = Caches.keptByCallers()
			.maximumSize(50_000)
			.expireAfterAccess(Duration.ofMinutes(30))
			.build();

		private final LoadingCache<RegionCode, WorkCalendar> calendars = Caches.refreshedAhead(Duration.ofMinutes(1),
				20_000, HeadUpkeep::calendarOf);

		private final LoadingCache<RegionCode, RegionCode> owners = Caches.refreshedAhead(Duration.ofMinutes(1), 20_000,
				HeadUpkeep::owner);

		@Override
		public ChainHeads.Head head(String stream) {
			return heads.getIfPresent(stream);
		}

		@Override
		public void committed(String stream, int seq, String hash) {
			var head = new ChainHeads.Head(seq, hash);
			TransactionTasks.afterCommit(() -> heads.asMap().merge(stream, head,
					(old, newer) -> old.seq() >= newer.seq() ? old : newer));
		}

		@Override
		public WorkCalendar calendar(RegionCode region) {
			return calendars.get(owners.get(region));
		}

	}

	private static RegionCode owner(RegionCode community) {
		return RegionCode.of(community.value().substring(0, 6) + "000000");
	}

	private static WorkCalendar calendarOf(RegionCode owner) {
		return new WorkCalendar(owner, OfficeHours.standard(), Map.of());
	}

	public static void main(String[] args) throws Exception {
		var threads = Integer.parseInt(args[0]);
		var rounds = Integer.parseInt(args[1]);
		Remembering ring = new Ring();
		Remembering caffeine = new Caffeine();
		for (var cache : new Remembering[] { ring, caffeine }) {
			for (var i = 0; i < 50_000; i++) {
				cache.committed("fill/" + i, 1, "h");
			}
		}
		UpkeepTurns.run(threads, rounds, LIFECYCLES, caffeine, ring, "head reads", 6, HeadUpkeep::lifecycle);
	}

	/**
	 * One lifecycle's head reads and remembers and calendar look-ups; answers how many head reads found nothing. The
	 * stream's name and the heads are made the same way for both (the hash is one string for all).
	 */
	private static int lifecycle(Remembering cache, int i) {
		var stream = "case/" + UUID.randomUUID();
		var place = PLACES[(int) ((i * 2_654_435_761L) % COMMUNITIES)];
		cache.committed(stream, 1, "hash");
		var missed = 0;
		for (var seq = 2; seq <= 7; seq++) {
			LockSupport.parkNanos(20_000);
			if (seq <= 6 && cache.calendar(place) == null) {
				throw new IllegalStateException();
			}
			var head = cache.head(stream);
			if (head == null || head.seq() != seq - 1) {
				missed++;
			}
			cache.committed(stream, seq, "hash");
		}
		return missed;
	}

}
