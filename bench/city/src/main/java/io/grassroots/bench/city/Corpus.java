package io.grassroots.bench.city;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the generator learns from the real data in ../shared/data/complaints at generation time (nothing of it is
 * copied into the repository): citizen messages by first-level label (their titles and texts become case texts, their
 * label shares the mix of the hotline channels), and handling times from the replies of 附件4 and the US 311 samples.
 * Without the data it says so and falls back to a plain mix and a log-normal handling time.
 */
final class Corpus {

	/** A real message: its subject line and its text, cut to the length the case table keeps. */
	record Message(String title, String text) {
	}

	final Map<String, List<Message>> byLabel = new LinkedHashMap<>();

	final List<Message> unlabelled = new ArrayList<>();

	/** Handling times in minutes, sorted (sampled by a uniform index). */
	long[] handleMinutes;

	String source = "";

	static Corpus load(Path root) {
		var corpus = new Corpus();
		var teddy = root.resolve("teddycup2020-c");
		var us = root.resolve("us311");
		try {
			if (Files.isRegularFile(teddy.resolve("附件2_labelled_train.csv"))) {
				for (var row : Csv.read(teddy.resolve("附件2_labelled_train.csv"))) {
					corpus.byLabel.computeIfAbsent(row.get("一级标签"), k -> new ArrayList<>()).add(message(row));
				}
				for (var file : List.of("附件3_full.csv", "附件4_full.csv")) {
					for (var row : Csv.read(teddy.resolve(file))) {
						corpus.unlabelled.add(message(row));
					}
				}
				corpus.source += "teddycup2020-c: " + corpus.byLabel.values().stream().mapToInt(List::size).sum()
						+ " labelled and " + corpus.unlabelled.size() + " unlabelled messages; ";
			}
			else {
				System.out.println("NOTE: " + teddy + " is absent: case texts and the category mix fall back to "
						+ "generated phrases (no real messages).");
			}
			var minutes = new ArrayList<Long>();
			var replies = teddy.resolve("附件4_full.csv");
			var ymd = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
			if (Files.isRegularFile(replies)) {
				var n = 0;
				for (var row : Csv.read(replies)) {
					n += add(minutes, parse(row.get("留言时间"), ymd), parse(row.get("答复时间"), ymd), 3) ? 1 : 0;
				}
				corpus.source += "附件4 reply delays: " + n + "; ";
			}
			var us12 = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
			var sf = us.resolve("sf311_2008-2016_sample_10000_nogeo.csv");
			var nyc = us.resolve("nyc311_2014-2019_sample_1000.csv");
			if (Files.isRegularFile(sf) && Files.isRegularFile(nyc)) {
				var n = 0;
				for (var row : Csv.read(sf)) {
					n += add(minutes, parse(row.get("Opened"), us12), parse(row.get("Closed"), us12), 1) ? 1 : 0;
				}
				for (var row : Csv.read(nyc)) {
					n += add(minutes, parse(row.get("Created Date"), us12), parse(row.get("Closed Date"), us12), 1) ? 1 : 0;
				}
				corpus.source += "US 311 handling times: " + n;
			}
			else {
				System.out.println("NOTE: " + us + " is absent: handling times fall back to a log-normal distribution.");
			}
			if (minutes.size() > 100) {
				corpus.handleMinutes = minutes.stream().mapToLong(Long::longValue).sorted().toArray();
			}
		}
		catch (Exception e) {
			System.out.println("NOTE: cannot read " + root + " (" + e + "); using generated texts and times.");
		}
		if (corpus.handleMinutes == null) {
			var random = new SplittableRandom(7);
			corpus.handleMinutes = new long[10_000];
			for (var i = 0; i < corpus.handleMinutes.length; i++) {
				corpus.handleMinutes[i] = (long) Math.exp(Math.log(2 * 24 * 60) + 1.3 * gaussian(random));
			}
			Arrays.sort(corpus.handleMinutes);
		}
		return corpus;
	}

	/** A handling time in minutes, at least 10, at most 60 days. */
	long handleMinutes(SplittableRandom random) {
		var m = handleMinutes[random.nextInt(handleMinutes.length)];
		return Math.max(10, Math.min(m, 60L * 24 * 60));
	}

	static double gaussian(SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static Message message(Map<String, String> row) {
		var title = clean(row.getOrDefault("留言主题", ""), 60);
		var text = clean(row.getOrDefault("留言详情", ""), 100);
		return new Message(title.isEmpty() ? "群众反映问题" : title, text.isEmpty() ? title : text);
	}

	private static String clean(String s, int max) {
		var t = s.replaceAll("\\s+", " ").strip();
		return t.length() > max ? t.substring(0, max) : t;
	}

	private static LocalDateTime parse(String s, DateTimeFormatter format) {
		try {
			return s == null || s.isBlank() ? null : LocalDateTime.parse(s.strip(), format);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/** Adds a positive duration (weight copies); the 311 samples are kept once, the Chinese replies thrice. */
	private static boolean add(List<Long> minutes, LocalDateTime from, LocalDateTime to, int weight) {
		if (from == null || to == null || !to.isAfter(from)) {
			return false;
		}
		var m = Duration.between(from, to).toMinutes();
		for (var i = 0; i < weight; i++) {
			minutes.add(m);
		}
		return true;
	}

}
