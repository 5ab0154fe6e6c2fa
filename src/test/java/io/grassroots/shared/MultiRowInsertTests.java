package io.grassroots.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many rows go in as multi-row inserts (on H2 and, in the postgres run, on PostgreSQL), in statements of a few
 * fixed sizes, and an insert that skips rows already there answers exactly the rows it wrote.
 */
@IntegrationTest
class MultiRowInsertTests {

	private static final String INTO = "insert into notification_seen (account, seen_at)";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void insertsSentTogetherGoInInOrderAndOneThatFailsFailsTheirTransaction() {
		// cases-30: on PostgreSQL one multi-statement command, elsewhere one statement after the other
		var at = Timestamp.from(Instant.parse("2026-12-05T12:00:00Z"));
		var accounts = IntStream.range(0, 600).mapToObj(i -> new Object[] { UUID.randomUUID(), at }).toList();
		var stream = "test/" + UUID.randomUUID();
		var entries = IntStream.rangeClosed(1, 3)
			.mapToObj(i -> new Object[] { stream, i, at, "actor", "name", "test", "{}", "p", "h" + i })
			.toList();
		var audit = "insert into audit_entry (stream, seq, at, actor_id, actor_name, action, details, previous_hash, hash)";
		var types = List.of("text", "int4", "timestamptz", "text", "text", "text", "text", "text", "text");
		var transactions = new TransactionTemplate(transactionManager);
		try {
			transactions.executeWithoutResult(s -> MultiRowInsert.insertAll(jdbc,
					List.of(MultiRowInsert.Rows.of(INTO, 2, accounts), MultiRowInsert.Rows.of(audit, types, entries),
							MultiRowInsert.Rows.of(INTO, 2, List.of()))));

			assertThat(jdbc.queryForObject("select count(*) from notification_seen where seen_at = ?", Long.class, at))
				.isEqualTo(600);
			assertThat(jdbc.queryForList("select hash from audit_entry where stream = ? order by seq", String.class,
					stream)).containsExactly("h1", "h2", "h3");

			var more = IntStream.range(0, 5).mapToObj(i -> new Object[] { UUID.randomUUID(), at }).toList();
			assertThatThrownBy(() -> transactions.executeWithoutResult(s -> MultiRowInsert.insertAll(jdbc,
					List.of(MultiRowInsert.Rows.of(INTO, 2, more), MultiRowInsert.Rows.of(audit, types, entries)))))
				.isInstanceOf(DataAccessException.class);
			assertThat(jdbc.queryForObject("select count(*) from notification_seen where seen_at = ?", Long.class, at))
				.as("the first insert went back with the failing second").isEqualTo(600);
		}
		finally {
			jdbc.update("delete from notification_seen where seen_at = ?", at);
			jdbc.update("delete from audit_entry where stream = ?", stream);
		}
	}

	@Test
	void rowsGoInStatementsOfAtMost512RowsAndDecreasingPowersOfTwo() {
		var rows = IntStream.range(0, 2000).mapToObj(i -> new Object[] { i }).toList();

		assertThat(MultiRowInsert.chunks(rows)).extracting(List::size).containsExactly(512, 512, 512, 256, 128, 64, 16);
		assertThat(MultiRowInsert.chunks(rows).stream().flatMap(List::stream).toList()).containsExactlyElementsOf(rows);
		assertThat(MultiRowInsert.sql("insert into t (a, b)", 2, 2, "on conflict do nothing"))
			.isEqualTo("insert into t (a, b) values (?, ?), (?, ?) on conflict do nothing");
	}

	@Test
	void anInsertThatSkipsExistingRowsAnswersOnlyTheRowsItWrote() {
		var accounts = IntStream.range(0, 700).mapToObj(i -> UUID.randomUUID()).toList();
		var at = Timestamp.from(Instant.parse("2026-12-03T12:00:00Z"));
		var first = accounts.subList(0, 300).stream().map(a -> new Object[] { a, at }).toList();
		try {
			MultiRowInsert.insert(jdbc, INTO, 2, first);
			var all = new ArrayList<Object[]>(accounts.stream().map(a -> new Object[] { a, at }).toList());

			var written = MultiRowInsert.insertReturning(jdbc, INTO, 2, "on conflict do nothing", all, "account",
					UUID.class);

			assertThat(written).containsExactlyInAnyOrderElementsOf(accounts.subList(300, 700));
			assertThat(MultiRowInsert.insertReturning(jdbc, INTO, 2, "on conflict do nothing", all, "account",
					UUID.class)).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from notification_seen where seen_at = ?", Long.class, at))
				.isEqualTo(700);
		}
		finally {
			jdbc.update("delete from notification_seen where seen_at = ?", at);
		}
	}

	@Test
	void rowsGivenWithTheirTypesGoInWithEveryValueAsItWas() {
		var stream = "test/" + UUID.randomUUID();
		var at = Timestamp.from(Instant.parse("2026-12-03T12:00:00.123456Z"));
		var texts = List.of("{\"a\":\"b,c\"}", "back\\slash \\\"", "NULL", "", "{}", "督办 提醒", " two  spaces ");
		var rows = new ArrayList<Object[]>();
		for (var i = 0; i < texts.size(); i++) {
			rows.add(new Object[] { stream, i + 1, at, i % 2 == 0 ? null : "actor", texts.get(i), "test", texts.get(i),
					"p", "h" });
		}
		try {
			MultiRowInsert.insert(jdbc, "insert into audit_entry (stream, seq, at, actor_id, actor_name, action, details, "
					+ "previous_hash, hash)", List.of("text", "int4", "timestamptz", "text", "text", "text", "text", "text",
							"text"), rows);

			var read = jdbc.query("select seq, at, actor_id, actor_name, details from audit_entry where stream = ? order by seq",
					(rs, n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
							rs.getString(5) }, stream);
			assertThat(read).hasSize(texts.size());
			for (var i = 0; i < texts.size(); i++) {
				assertThat(read.get(i)).containsExactly(i + 1, at.toInstant(), i % 2 == 0 ? null : "actor", texts.get(i),
						texts.get(i));
			}
		}
		finally {
			jdbc.update("delete from audit_entry where stream = ?", stream);
		}
	}

	@Test
	void statementTextsAreKeptAndTheSameAsBuilt() {
		// cases-47: the texts are kept by start, types and suffix, and a command's parts joined once
		var types = List.of("uuid", "text");
		var single = MultiRowInsert.single("insert into kept (a, b)", types);
		assertThat(single).isEqualTo("insert into kept (a, b) values (?::uuid, ?::text)")
			.isSameAs(MultiRowInsert.single("insert into kept (a, b)", List.of("uuid", "text")));
		assertThat(MultiRowInsert.single("insert into kept (a, b)", List.of("uuid", "int4")))
			.isEqualTo("insert into kept (a, b) values (?::uuid, ?::int4)");
		assertThat(MultiRowInsert.unnest("insert into kept (a, b)", types, ""))
			.isEqualTo("insert into kept (a, b) select * from unnest(?::uuid[], ?::text[])");
		assertThat(MultiRowInsert.unnest("insert into kept (a, b)", types, "on conflict do nothing"))
			.isEqualTo("insert into kept (a, b) select * from unnest(?::uuid[], ?::text[]) on conflict do nothing");
		OneCommand.Binder none = (statement, first) -> first;
		var parts = List.of(new OneCommand.Part(single, none), new OneCommand.Part("insert into other (c) values (?)", none));
		var joined = OneCommand.sql(parts);
		assertThat(joined).isEqualTo(single + ";\ninsert into other (c) values (?)")
			.isSameAs(OneCommand.sql(List.of(new OneCommand.Part(new String(single), none),
					new OneCommand.Part("insert into other (c) values (?)", none))));
		assertThat(OneCommand.sql(List.of(new OneCommand.Part(single, none)))).isSameAs(single);
	}

	@Test
	void oneRowGivenWithItsTypesGoesInAsAValuesRowWithEveryValueAsItWas() {
		// cases-42: on PostgreSQL one row goes as values (?::text, …) with each value's text, not in arrays
		assertThat(MultiRowInsert.single("insert into t (a, b)", List.of("uuid", "timestamptz")))
			.isEqualTo("insert into t (a, b) values (?::uuid, ?::timestamptz)");
		var at = Timestamp.from(Instant.parse("2026-12-03T12:00:00.123456Z"));
		var texts = List.of("{\"a\":\"b,c\"}", "back\\slash \\\"", "NULL", "", "{}", "督办 提醒", " two  spaces ");
		var streams = new ArrayList<String>();
		try {
			for (var i = 0; i < texts.size(); i++) {
				var stream = "test/" + UUID.randomUUID();
				streams.add(stream);
				var row = new Object[] { stream, i + 1, at, i % 2 == 0 ? null : "actor",
						texts.get(i), "test", texts.get(i), "p", "h" };
				var types = List.of("text", "int4", "timestamptz", "text", "text", "text", "text", "text", "text");
				var into = "insert into audit_entry (stream, seq, at, actor_id, actor_name, action, details, previous_hash, hash)";
				if (i < 4) {
					MultiRowInsert.insert(jdbc, into, types, List.<Object[]>of(row));
				}
				else {
					new TransactionTemplate(transactionManager).executeWithoutResult(s -> MultiRowInsert.insertAll(jdbc,
							List.of(MultiRowInsert.Rows.of(into, types, List.<Object[]>of(row)))));
				}
			}

			for (var i = 0; i < texts.size(); i++) {
				var read = jdbc.queryForObject(
						"select seq, at, actor_id, actor_name, details from audit_entry where stream = ?",
						(rs, n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
								rs.getString(4), rs.getString(5) }, streams.get(i));
				assertThat(read).containsExactly(i + 1, at.toInstant(), i % 2 == 0 ? null : "actor", texts.get(i),
						texts.get(i));
			}
		}
		finally {
			streams.forEach(stream -> jdbc.update("delete from audit_entry where stream = ?", stream));
		}
	}

	@Test
	void rowsGivenWithTheirTypesThatSkipExistingRowsAnswerOnlyTheRowsWritten() {
		var accounts = IntStream.range(0, 700).mapToObj(i -> UUID.randomUUID()).toList();
		var at = Timestamp.from(Instant.parse("2026-12-03T13:00:00Z"));
		var types = List.of("uuid", "timestamptz");
		try {
			MultiRowInsert.insert(jdbc, INTO, types, accounts.subList(0, 300).stream().map(a -> new Object[] { a, at }).toList());
			var all = accounts.stream().map(a -> new Object[] { a, at }).toList();

			assertThat(MultiRowInsert.insertReturning(jdbc, INTO, types, "on conflict do nothing", all, "account", UUID.class))
				.containsExactlyInAnyOrderElementsOf(accounts.subList(300, 700));
			assertThat(jdbc.queryForObject("select count(*) from notification_seen where seen_at = ?", Long.class, at))
				.isEqualTo(700);
		}
		finally {
			jdbc.update("delete from notification_seen where seen_at = ?", at);
		}
	}

	@Test
	void anArrayLiteralQuotesEveryValueAndEscapesQuotesAndBackslashes() {
		var rows = List.<Object[]>of(new Object[] { "a\"b" }, new Object[] { null }, new Object[] { "c\\d" },
				new Object[] { Timestamp.from(Instant.parse("2026-12-03T12:00:00.5Z")) });

		assertThat(MultiRowInsert.array(rows, 0)).isEqualTo("{\"a\\\"b\",NULL,\"c\\\\d\",\"2026-12-03T12:00:00.500Z\"}");
		var plain = List.<Object[]>of(new Object[] { "路灯不亮, {NULL}" }, new Object[] { "" }, new Object[] { 7L },
				new Object[] { "\\\"x\"\\" });
		assertThat(MultiRowInsert.array(plain, 0))
			.isEqualTo("{\"路灯不亮, {NULL}\",\"\",\"7\",\"\\\\\\\"x\\\"\\\\\"}");
		assertThat(MultiRowInsert.unnest("insert into t (a, b)", List.of("uuid", "text"), "on conflict do nothing"))
			.isEqualTo("insert into t (a, b) select * from unnest(?::uuid[], ?::text[]) on conflict do nothing");
	}

	@Test
	void anInstantInAnArrayLiteralIsWrittenAsInstantWritesIt() {
		var random = new Random(13);
		var instants = new ArrayList<>(Stream.of("2026-12-06T01:04:00Z", "2026-12-06T00:00:00.000001Z",
				"2026-12-06T01:04:10.120Z", "2026-12-06T01:04:10.123456789Z", "1970-01-01T00:00:00Z",
				"0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
				"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z")
			.map(Instant::parse)
			.toList());
		for (var i = 0; i < 10_000; i++) {
			var seconds = random.nextLong(-62_000_000_000L, 253_000_000_000L);
			instants.add(switch (i % 5) {
				case 0 -> Instant.ofEpochSecond(seconds);
				case 1 -> Instant.ofEpochSecond(seconds - Math.floorMod(seconds, 60));
				case 2 -> Instant.ofEpochSecond(seconds, random.nextInt(1_000) * 1_000_000);
				case 3 -> Instant.ofEpochSecond(seconds, random.nextInt(1_000_000) * 1_000);
				default -> Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
			});
		}
		for (var at : instants) {
			assertThat(MultiRowInsert.instant(at)).as("%s", at).isEqualTo(at.toString());
		}
	}

	@Test
	void aRowWithTheWrongNumberOfValuesIsRefused() {
		assertThatThrownBy(() -> MultiRowInsert.insert(jdbc, INTO, 2, List.<Object[]>of(new Object[] { UUID.randomUUID() })))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
