package io.grassroots.bench.city;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's own timer of a URI, from the {@code http_server_requests_seconds} histogram on /actuator/prometheus:
 * bucket counts are read before and after a measurement and the quantiles taken from the difference (each is the
 * upper bound of its bucket, so at most one bucket pessimistic).
 */
final class Prometheus {

	private final HttpClient client = HttpClient.newHttpClient();

	private final String url;

	private final String token;

	Prometheus(String base, String token) {
		// Only the timer's family (Spring Boot's includedNames): the whole registry is ≈ 1.5 × the lines, and its
		// rendering (every meter's doubles formatted, names sorted) was compiled by C2 inside the settle windows that
		// read it, counted as the page's compilers (decision 0026, amended 2026-12-06 (pages4)).
		this.url = base + "/actuator/prometheus?includedNames=http_server_requests_seconds";
		this.token = token;
	}

	/** Cumulative bucket counts (le in seconds → count) of successful GETs of one URI pattern. */
	TreeMap<Double, Long> buckets(String uri) throws Exception {
		var body = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var out = new TreeMap<Double, Long>();
		for (var line : body.split("\n")) {
			if (line.startsWith("http_server_requests_seconds_bucket{") && line.contains("uri=\"" + uri + "\"")
					&& line.contains("method=\"GET\"") && line.contains("status=\"200\"")) {
				var le = line.replaceAll(".*le=\"([^\"]+)\".*", "$1");
				var value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				out.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), (long) value, Long::sum);
			}
		}
		return out;
	}

	/** p50, p95, p99 in milliseconds of the requests between two readings; null without a histogram. */
	static double[] quantiles(Map<Double, Long> before, TreeMap<Double, Long> after) {
		if (after.isEmpty()) {
			return null;
		}
		var total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0L);
		if (total <= 0) {
			return null;
		}
		var qs = new double[] { 0.5, 0.95, 0.99 };
		var out = new double[3];
		for (var i = 0; i < qs.length; i++) {
			for (var e : after.entrySet()) {
				var n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
				if (n >= qs[i] * total) {
					out[i] = e.getKey() * 1000;
					break;
				}
			}
		}
		return out;
	}

}
