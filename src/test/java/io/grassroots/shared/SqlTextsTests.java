package io.grassroots.shared;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTextsTests {

	@Test
	void joinsStatementsInOrderAndAnswersTheSameTextForTheSameParts() {
		var first = SqlTexts.joined("update a set x = ?", "insert into b values (?)", "update c set y = ?");
		assertThat(first).isEqualTo("update a set x = ?;\ninsert into b values (?);\nupdate c set y = ?");
		// parts equal but not the same strings: the same text, kept once
		var again = SqlTexts.joined(new String("update a set x = ?"), "insert into b values (?)",
				"update c set y = ?");
		assertThat(again).isSameAs(first);
		assertThat(SqlTexts.joined("update c set y = ?", "update a set x = ?"))
			.isEqualTo("update c set y = ?;\nupdate a set x = ?");
		assertThat(SqlTexts.joined("select 1")).isEqualTo("select 1");
	}

	@Test
	void composesCastsValuesAndReturningAsTheirPartsSay() {
		assertThat(SqlTexts.casts("insert into t (a, b)", " values (", List.of("uuid", "text"), false, ""))
			.isEqualTo("insert into t (a, b) values (?::uuid, ?::text)");
		assertThat(SqlTexts.casts("insert into t (a, b)", " select * from unnest(", List.of("uuid", "text"), true,
				"on conflict do nothing"))
			.isEqualTo("insert into t (a, b) select * from unnest(?::uuid[], ?::text[]) on conflict do nothing");
		assertThat(SqlTexts.values("insert into t (a, b)", 2, 3, ""))
			.isEqualTo("insert into t (a, b) values (?, ?), (?, ?), (?, ?)");
		assertThat(SqlTexts.values("insert into t (a)", 1, 1, "on conflict do nothing"))
			.isEqualTo("insert into t (a) values (?) on conflict do nothing");
		assertThat(SqlTexts.returning("insert into t (a) values (?)", "id"))
			.isEqualTo("insert into t (a) values (?) returning id")
			.isSameAs(SqlTexts.returning("insert into t (a) values (?)", "id"));
	}

	@Test
	void pastTheLimitTextsAreComposedEachTimeAndNotKept() {
		var composed = new ArrayList<Integer>();
		var memo = new SqlTexts.Memo<Integer>(i -> {
			composed.add(i);
			return "select " + i;
		});
		for (var i = 0; i < SqlTexts.LIMIT + 10; i++) {
			assertThat(memo.get(i)).isEqualTo("select " + i);
		}
		assertThat(memo.get(0)).isEqualTo("select 0");
		assertThat(memo.get(SqlTexts.LIMIT + 5)).isEqualTo("select " + (SqlTexts.LIMIT + 5));
		// the first LIMIT were kept (composed once), the rest composed again when asked again
		assertThat(composed).hasSize(SqlTexts.LIMIT + 11);
		assertThat(composed.get(composed.size() - 1)).isEqualTo(SqlTexts.LIMIT + 5);
	}

}
