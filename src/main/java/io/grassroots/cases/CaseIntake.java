package io.grassroots.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.region.DepartmentView;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.PersonalData;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.SecureRandoms;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a checked report into a new case: places it, suggests the department its category calls for, starts the
 * dispatch clock and hands it to the {@link IntakeWriter}, which looks for a likely duplicate, keeps the photos and
 * writes the case and its first history entry.
 */
@Component
class CaseIntake {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	/** A tracking code's first characters count the minutes since this instant (decision 0022). */
	static final Instant CODE_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	/** The characters of a tracking code that name its minute: 31^5 minutes, ≈ 54 years from {@link #CODE_EPOCH}. */
	private static final int MINUTE_CHARS = 5;

	/** The random characters after the minute: 31^9 ≈ 2.6e13 codes per minute (44.6 bits). */
	private static final int RANDOM_CHARS = 9;

	private static final long MINUTES = pow(ALPHABET.length, MINUTE_CHARS);

	/** The bytes below this (248) map onto {@link #ALPHABET} evenly, 8 each. */
	private static final int UNBIASED = 256 - 256 % ALPHABET.length;

	private final CaseRepository cases;

	private final CasePlacement placement;

	private final Categories categories;

	private final DepartmentDirectory departments;

	private final CaseClocks clocks;

	private final PersonalData personalData;

	private final CasesProperties properties;

	private final CaseTime time;

	private final TransactionTemplate transactions;

	private final IntakeWriter writer;

	CaseIntake(CaseRepository cases, CasePlacement placement, Categories categories, DepartmentDirectory departments,
			CaseClocks clocks, PersonalData personalData, CasesProperties properties, CaseTime time,
			PlatformTransactionManager transactionManager, IntakeWriter writer) {
		this.writer = writer;
		this.time = time;
		this.transactions = new TransactionTemplate(transactionManager);
		this.cases = cases;
		this.placement = placement;
		this.categories = categories;
		this.departments = departments;
		this.clocks = clocks;
		this.personalData = personalData;
		this.properties = properties;
	}

	/** The stored form of an idempotency key: a hash of who sent it and the key, so keys never collide across clients. */
	static String keyOf(String owner, String key) {
		return key == null ? null
				: AttachmentCheck.sha256((owner + "\n" + key).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Checks a report, answers the first case for a key seen before, or creates the case. Everything that needs no
	 * database write (check, placement, department, encryption, deadline) happens here, on the caller's thread; the
	 * writes go to the {@link IntakeWriter}, which commits the intakes that arrive together in one transaction and
	 * answers each after that commit (cases-12). With photos, or inside a caller's transaction, the case is written
	 * here in a transaction of its own (joined to the caller's), as before; with photos the key is looked up first,
	 * so a retry stores no files. A concurrent request with the same key that loses the race answers the winner's case.
	 */
	CaseSummary take(Actor actor, Intake report, String owner) {
		IntakeCheck.check(report, actor, categories);
		var photos = AttachmentCheck.check(report.photos(), properties.attachmentMaxBytes(),
				properties.attachmentMaxFiles());
		var key = CaseIntake.keyOf(owner, report.idempotencyKey());
		var earlier = key == null || photos.isEmpty() ? null : cases.findByIntakeKey(key).orElse(null);
		if (earlier != null) {
			return CaseSummary.of(earlier, time.now(), false);
		}
		var prepared = prepare(actor, report, key, photos, time.now());
		try {
			if (photos.isEmpty() && !TransactionSynchronizationManager.isActualTransactionActive()) {
				return writer.write(prepared);
			}
			return transactions.execute(status -> writer.writeAll(List.of(prepared)).get(0));
		}
		catch (DuplicateKeyException e) {
			var first = key == null ? null : cases.findByIntakeKey(key).orElse(null);
			if (first == null) {
				throw new ConflictException("cases.conflict");
			}
			return CaseSummary.of(first, time.now(), false);
		}
	}

	/** A new case as far as it can be built without writing: everything but the likely duplicate. */
	Prepared prepare(Actor actor, Intake intake, String intakeKey, List<AttachmentCheck.Checked> photos, Instant now) {
		var place = place(actor, intake);
		var matter = new Matter(intake.title().strip(), intake.description().strip(), intake.category(),
				intake.urgency(), false);
		var suggested = intake.category() == null ? Optional.<DepartmentView>empty()
				: categories.departmentKind(intake.category()).flatMap(kind -> departments.suggest(place.region(), kind));
		var origin = new Origin(trackingCode(now), intakeKey, intake.channel(), reporter(actor, intake),
				intake.confidential(), suggested.map(DepartmentView::id).orElse(null), null);
		return new Prepared(actor, origin, matter, place, clocks.start(matter, place, Step.DISPATCH, now), photos, now);
	}

	/**
	 * A report ready to be written: the case's origin (without its likely duplicate, which the writer looks up in
	 * the order of arrival), what it is about, where, the clock of its first step and the photos.
	 */
	record Prepared(Actor actor, Origin origin, Matter matter, Place place, StepClock clock,
			List<AttachmentCheck.Checked> photos, Instant now) {

		String intakeKey() {
			return origin.intakeKey();
		}

		/** The new case, with the likely duplicate found when it was its turn (a fresh id on every call). */
		Case report(CaseId duplicate) {
			var o = origin;
			return Case.report(new Origin(o.trackingCode(), o.intakeKey(), o.channel(), o.reporter(), o.confidential(),
					o.suggestedDepartment(), duplicate), matter, place, clock, now);
		}

		Map<String, Object> historyDetails() {
			var details = new HashMap<String, Object>();
			details.put("channel", origin.channel().name());
			details.put("placement", place.placement().name());
			details.put("region", place.region().value());
			return details;
		}

	}

	private Place place(Actor actor, Intake intake) {
		var point = Optional.ofNullable(intake.longitude())
			.map(lng -> intake.coordinateSystem().toWgs84(lng, intake.latitude()))
			.map(p -> new CasePlacement.Point(p[0], p[1]));
		var placed = placement.place(point, Optional.ofNullable(intake.community()), actor, fallback(actor));
		if (!actor.isSystem() && !actor.id().equals(CaseManagement.RESIDENT.id())
				&& !actor.scope().coversRegion(placed.region())) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return new Place(placed.region(), placed.grid(), placed.how(), point.map(CasePlacement.Point::longitude).orElse(null),
				point.map(CasePlacement.Point::latitude).orElse(null), blankToNull(intake.address()));
	}

	private RegionCode fallback(Actor actor) {
		var scope = actor.scope();
		return scope.kind() == DataScope.Kind.REGION && !scope.region().isRoot() ? scope.region()
				: RegionCode.of(properties.unplacedRegion());
	}

	private Reporter reporter(Actor actor, Intake intake) {
		var account = actor.isSystem() || actor.id().equals(CaseManagement.RESIDENT.id()) ? null : actor.id().id();
		if (intake.anonymous()) {
			return new Reporter(null, null, null, account, true);
		}
		var phone = blankToNull(intake.reporterPhone());
		return new Reporter(personalData.encrypt(blankToNull(intake.reporterName())), personalData.encrypt(phone),
				phone == null ? null : personalData.blindIndex(phone), account, false);
	}

	private String trackingCode(Instant now) {
		return trackingCode(now, SecureRandoms.current());
	}

	/**
	 * Fourteen characters of {@link #ALPHABET}: the minute of the report (five characters, minutes since
	 * {@link #CODE_EPOCH} in base 31, so that codes sort in the order they were made), then nine characters drawn at
	 * random, each equally likely. A new case's code then joins the last leaves of the tracking code's unique index,
	 * which the cases of the last minutes already changed, instead of a random leaf of a city's index that was last
	 * changed weeks ago and is logged whole in the WAL on its first change after a checkpoint (decision 0022). The
	 * random part comes from one draw of 16 bytes (another only if more than seven of them fall in the biased top of the
	 * byte range, which is skipped), instead of a draw per character — every draw of a {@code SecureRandom} takes its
	 * lock and mixes its buffer (bench/RESULTS.md § intake, 2026-12-05 evening); drawn from the thread's own generator
	 * ({@link SecureRandoms}), not one the request threads queue on. Codes of ten random characters, made before, stay
	 * valid.
	 */
	static String trackingCode(Instant now, Random random) {
		var code = new char[MINUTE_CHARS + RANDOM_CHARS];
		// after ≈ 54 years the minutes start again from "22222": still unique by the random part, no longer in order
		var minute = Math.floorMod(Math.floorDiv(now.getEpochSecond() - CODE_EPOCH.getEpochSecond(), 60), MINUTES);
		for (var i = MINUTE_CHARS - 1; i >= 0; i--) {
			code[i] = ALPHABET[(int) (minute % ALPHABET.length)];
			minute /= ALPHABET.length;
		}
		var bytes = new byte[16];
		var n = MINUTE_CHARS;
		while (n < code.length) {
			random.nextBytes(bytes);
			for (var i = 0; i < bytes.length && n < code.length; i++) {
				var b = bytes[i] & 0xff;
				if (b < UNBIASED) {
					code[n++] = ALPHABET[b % ALPHABET.length];
				}
			}
		}
		return new String(code);
	}

	private static long pow(int base, int exponent) {
		var result = 1L;
		for (var i = 0; i < exponent; i++) {
			result *= base;
		}
		return result;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
