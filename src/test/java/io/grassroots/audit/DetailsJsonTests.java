package io.grassroots.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The details written directly are, character for character, what the history's Jackson mapper writes. */
class DetailsJsonTests {

	private final tools.jackson.databind.json.JsonMapper mapper = AuditTrail.mapper();

	private final DetailsJson json = new DetailsJson(mapper);

	private String jackson(Map<String, ?> details) {
		return mapper.writeValueAsString(new TreeMap<>(details));
	}

	@Test
	void aTransitionsDetailsAreWrittenAsJacksonWritesThem() {
		var details = new LinkedHashMap<String, Object>();
		details.put("to", "FILED");
		details.put("from", "REPORTED");
		details.put("tier", "STREET");
		details.put("note", "延安北路与北京南路交叉口有流动摊贩占道经营");
		details.put("complex", false);
		details.put("resolved", true);
		details.put("count", 3);
		details.put("big", 12_345_678_901L);
		details.put("assisting", List.of("a", "b"));
		details.put("attachments", List.of());
		details.put("approvedBy", null);
		assertThat(json.write(details)).isEqualTo(jackson(details));
		assertThat(json.write(Map.of())).isEqualTo(jackson(Map.of()));
	}

	@Test
	void everyCharacterIsEscapedAsJacksonEscapesIt() {
		var text = new StringBuilder();
		for (char c = 0; c < 0x100; c++) {
			text.append(c);
		}
		text.append("\u2028\u2029\uD83D\uDE00/</script>");
		var details = new HashMap<String, Object>();
		details.put("note", text.toString());
		details.put(text.toString(), List.of(text.toString()));
		assertThat(json.write(details)).isEqualTo(jackson(details));
	}

	@Test
	void detailsWrittenOneAfterAnotherOnAThreadEachComeOutAsJacksonWritesThemAlone() {
		var many = new HashMap<String, Object>();
		for (var i = 0; i < 40; i++) {
			many.put("key" + i, i % 3 == 0 ? List.of("甲" + i) : i);
		}
		var huge = new LinkedHashMap<String, Object>();
		huge.put("note", "长".repeat(9_000));
		huge.put("to", "CLOSED");
		var inOrder = List.<Map<String, ?>>of(Map.of("note", "现场已无摊贩", "to", "CLOSED"), Map.of("to", "FILED"),
				many, Map.of("from", "A"), huge, Map.of("passed", true, "tier", "STREET"), Map.of(),
				Map.of("at", Instant.parse("2026-12-06T20:00:00Z")), Map.of("z", "after the mapper"));
		for (var details : inOrder) {
			assertThat(json.write(details)).isEqualTo(jackson(details));
		}
	}

	@Test
	void whatItDoesNotWriteItselfGoesThroughTheMapper() {
		var details = new HashMap<String, Object>();
		details.put("at", Instant.parse("2026-12-04T08:00:00Z"));
		details.put("nested", Map.of("b", 1, "a", 2));
		details.put("ratio", 0.5);
		details.put("numbers", new ArrayList<>(List.of(1, 2)));
		assertThat(json.write(details)).isEqualTo(jackson(details)).contains("2026-12-04T08:00:00Z");
	}

}
