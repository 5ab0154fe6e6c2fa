package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.github.benmanes.caffeine.cache.Cache;
import io.grassroots.shared.Caches;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.UpkeepTurns;

/**
 * The CPU and allocation that the remembered cases' traffic of one lifecycle costs the whole process, on several
 * threads, with the cache the product has ({@link CaseSnapshots}: the last {@link CaseSnapshots#MAXIMUM} remembers in
 * a ring over two {@code ConcurrentHashMap}s, decision cases-43, {@code ring}) against the two Caffeine caches it had
 * before (size 10,000, expiry 30 minutes after the write, upkeep on the callers, {@code caffeine}, the same calls as
 * its code made). Per lifecycle the intake remembers the new case; five transitions take it by id at its version and
 * remember the next version; the resident's rating takes it by tracking code and remembers the last — with a pause
 * between steps as a round trip makes. The bound is full from the first turn on (every remember evicts, as in the
 * lifecycle bench); the cases themselves are made outside the caches, the same for both. The two run in turns
 * A B B A in one JVM; per turn it prints the process's CPU, the driving threads' CPU and their allocation per
 * lifecycle (exact on a busy machine), and how many takes found nothing (each a load in the product):
 *
 * <pre>
 * java -cp "bench/lifecycle/target/classes:$(cat bench/lifecycle/target/classpath.txt)" io.grassroots.cases.SnapshotUpkeep 4 4
 * </pre>
 */
public final class SnapshotUpkeep {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private static final int LIFECYCLES = 10_000;

	private static final Reporter REPORTER = new Reporter("v1:name", "v1:phone", "0123", null, true);

	private static final Matter MATTER = new Matter("占道", "占道经营", null, Urgency.NORMAL, false);

	private static final Place PLACE = new Place(RegionCode.of("652301001001"), UUID.randomUUID(), Placement.GRID,
			87.3051234, 44.0123456, "宁边路1号");

	private SnapshotUpkeep() {
	}

	/** One lifecycle's traffic on one of the two. */
	private interface Remembering {

		void remember(Case c);

		CaseSnapshots.Remembered take(CaseId id, long version);

		CaseSnapshots.Remembered take(String trackingCode);

	}

	/** The product's {@link CaseSnapshots}. */
	private static final class Ring implements Remembering {

		private final CaseSnapshots snapshots = new CaseSnapshots();

		@Override
		public void remember(Case c) {
			snapshots.remember(new CaseSnapshots.Remembered(CaseSnapshots.copy(c), true));
		}

		@Override
		public CaseSnapshots.Remembered take(CaseId id, long version) {
			return snapshots.take(id, version);
		}

		@Override
		public CaseSnapshots.Remembered take(String trackingCode) {
			return snapshots.take(trackingCode);
		}

	}

	/** Its code before cases-43: two Caffeine caches, the same calls. */
	private static final class Caffeine implements Remembering {

		private final Cache<CaseId, CaseSnapshots.Remembered> byId = Caches.keptByCallers()
			.maximumSize(CaseSnapshots.MAXIMUM)
			.expireAfterWrite(CaseSnapshots.KEPT)
			.build();

		private final Cache<String, CaseId> byTrackingCode = Caches.keptByCallers()
			.maximumSize(CaseSnapshots.MAXIMUM)
			.expireAfterWrite(CaseSnapshots.KEPT)
			.build();

		@Override
		public void remember(Case written) {
			var r = new CaseSnapshots.Remembered(CaseSnapshots.copy(written), true);
			var c = r.subject();
			byId.asMap().merge(c.id(), r, (old, newer) -> old.subject().version() > c.version() ? old : newer);
			var code = c.origin().trackingCode();
			if (code != null) {
				byTrackingCode.put(code, c.id());
			}
		}

		@Override
		public CaseSnapshots.Remembered take(CaseId id, long version) {
			var remembered = byId.getIfPresent(id);
			if (remembered == null || remembered.subject().version() != version) {
				return null;
			}
			return byId.asMap().remove(id, remembered) ? remembered : null;
		}

		@Override
		public CaseSnapshots.Remembered take(String trackingCode) {
			var id = byTrackingCode.getIfPresent(trackingCode);
			if (id == null) {
				return null;
			}
			var remembered = byId.getIfPresent(id);
			return remembered != null && byId.asMap().remove(id, remembered) ? remembered : null;
		}

	}

	public static void main(String[] args) throws Exception {
		var threads = Integer.parseInt(args[0]);
		var rounds = Integer.parseInt(args[1]);
		Remembering ring = new Ring();
		Remembering caffeine = new Caffeine();
		UpkeepTurns.run(threads, rounds, LIFECYCLES, caffeine, ring, "takes", 6, (cache, i) -> lifecycle(cache));
	}

	/** One lifecycle's remembers and takes; answers how many takes found nothing. */
	private static int lifecycle(Remembering cache) {
		var id = CaseId.next();
		var code = "R" + Long.toHexString(id.id().getLeastSignificantBits());
		var written = reported(id, code, 0);
		cache.remember(written);
		var missed = 0;
		for (var version = 1L; version <= 6; version++) {
			LockSupport.parkNanos(20_000);
			var taken = version < 6 ? cache.take(id, version - 1) : cache.take(code);
			if (taken == null) {
				missed++;
			}
			cache.remember(reported(id, code, version));
		}
		return missed;
	}

	private static Case reported(CaseId id, String code, long version) {
		var origin = new Origin(code, null, Channel.PHONE, REPORTER, true, null, null);
		return new Case(id, origin, CaseStatus.REPORTED, Tier.STREET, MATTER, PLACE, null, null, null, null,
				Tally.zero(), Milestones.reported(NOW), null, version);
	}

}
