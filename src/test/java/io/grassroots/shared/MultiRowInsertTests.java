package io.grassroots.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
	void aRowWithTheWrongNumberOfValuesIsRefused() {
		assertThatThrownBy(() -> MultiRowInsert.insert(jdbc, INTO, 2, List.<Object[]>of(new Object[] { UUID.randomUUID() })))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
