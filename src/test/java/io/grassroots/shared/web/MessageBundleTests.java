package io.grassroots.shared.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.PartyLevel;
import io.grassroots.region.RegionLevel;
import io.grassroots.shared.Jobs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinese and English bundles of every module hold the same keys, and every key the templates and the code
 * name exists.
 */
class MessageBundleTests {

	static final Path BUNDLES = Path.of("src", "main", "resources", "i18n");

	static final Path JAVA = Path.of("src", "main", "java");

	/** A literal that is a whole message key: dotted words, not the start of a concatenated key. */
	static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z0-9_]+)+)\"(?!\\s*\\+)");

	static final List<Pattern> JAVA_KEY_USES = List.of(
			Pattern.compile("new (?:NotFound|Forbidden|Conflict|RuleViolation|InvalidInput)Exception\\(\\s*\"([^\"]+)\""),
			Pattern.compile("InvalidInputException\\.of\\(\\s*\"[^\"]*\",\\s*\"([^\"]+)\""),
			Pattern.compile("Violation\\(\\s*\"[^\"]*\",\\s*\"([^\"]+)\""),
			Pattern.compile("Problem\\.of\\([^;]*?\"([a-z]+(?:\\.[A-Za-z]+){2,})\""),
			Pattern.compile("withNotice\\([^;]*?\"([a-z]+(?:\\.[A-Za-z]+){2,})\"\\)"));

	@Test
	void chineseAndEnglishHoldTheSameKeys() throws IOException {
		try (Stream<Path> modules = Files.list(BUNDLES)) {
			for (var module : modules.toList()) {
				var chinese = load(module.resolve("messages.properties"));
				var english = load(module.resolve("messages_en.properties"));
				assertThat(english.stringPropertyNames()).as(module + ": keys only in Chinese or only in English")
					.containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
				chinese.stringPropertyNames()
					.forEach(key -> assertThat(english.getProperty(key)).as(module + " " + key).isNotBlank());
			}
		}
	}

	@Test
	void everyKeyTheTemplatesNameExists() throws IOException {
		var keys = allKeys();
		var missing = new TreeSet<String>();
		for (var template : TemplateTextTests.templates()) {
			var source = Files.readString(template);
			var calls = Pattern.compile("ui\\.(?:t|text)\\(").matcher(source);
			while (calls.find()) {
				var arguments = source.substring(calls.end(), end(source, calls.end()));
				var literals = KEY_LITERAL.matcher(arguments);
				while (literals.find()) {
					if (!keys.contains(literals.group(1))) {
						missing.add(TemplateTextTests.TEMPLATES.relativize(template) + ": " + literals.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys named in templates but in no bundle").isEmpty();
	}

	@Test
	void everyKeyTheCodeNamesExists() throws IOException {
		var keys = allKeys();
		var missing = new TreeSet<String>();
		try (Stream<Path> sources = Files.walk(JAVA)) {
			for (var source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				var text = Files.readString(source);
				for (var use : JAVA_KEY_USES) {
					var found = use.matcher(text);
					while (found.find()) {
						if (!keys.contains(found.group(1))) {
							missing.add(source.getFileName() + ": " + found.group(1));
						}
					}
				}
			}
		}
		assertThat(missing).as("message keys named in code but in no bundle").isEmpty();
	}

	@Test
	void everyEnumShownInTheConsoleHasALabel() throws IOException {
		var keys = allKeys();
		var expected = new ArrayList<String>();
		for (var type : List.of(Role.class, DataScope.Kind.class, RegionLevel.class, PartyLevel.class,
				DepartmentKind.class)) {
			for (var constant : type.getEnumConstants()) {
				expected.add("enum." + type.getSimpleName() + "." + constant.name());
			}
		}
		for (var state : Jobs.JobState.values()) {
			expected.add("job.state." + state.name());
		}
		assertThat(keys).containsAll(expected);
	}

	private static Set<String> allKeys() throws IOException {
		var keys = new HashSet<String>();
		try (Stream<Path> modules = Files.list(BUNDLES)) {
			for (var module : modules.toList()) {
				keys.addAll(load(module.resolve("messages.properties")).stringPropertyNames());
			}
		}
		return keys;
	}

	private static Properties load(Path file) throws IOException {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/** Where the argument list that starts at {@code from} closes. */
	private static int end(String source, int from) {
		var depth = 1;
		for (var i = from; i < source.length(); i++) {
			var c = source.charAt(i);
			if (c == '"') {
				i = source.indexOf('"', i + 1);
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		return source.length();
	}

}
