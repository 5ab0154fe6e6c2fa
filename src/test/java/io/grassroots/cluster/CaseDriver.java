package io.grassroots.cluster;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.grassroots.testing.ApiClient;
import io.grassroots.testing.ServerProcess;

/**
 * Drives cases through the REST API of whichever node is up, as clients behind a load balancer would: an intake with
 * an Idempotency-Key (sent again, with the same key, until a node acknowledges it), then file and dispatch, and for
 * cases to close claim, report back and verify. A transition that got no answer is followed by reading the case as
 * it is now, so a transition that committed on a node that died is not done twice.
 */
final class CaseDriver {

	final ApiClient dispatcher;

	final ApiClient handler;

	final UUID market;

	volatile List<ServerProcess> nodes;

	final Map<String, UUID> acknowledged = new ConcurrentHashMap<>();

	final Map<UUID, Boolean> cases = new ConcurrentHashMap<>();

	final AtomicInteger failures = new AtomicInteger();

	CaseDriver(ApiClient dispatcher, ApiClient handler, UUID market) {
		this.dispatcher = dispatcher;
		this.handler = handler;
		this.market = market;
	}

	String node() {
		var up = nodes;
		return up.get(ThreadLocalRandom.current().nextInt(up.size())).baseUrl();
	}

	/** One case from intake to dispatched (and, when {@code close}, on to closed); remembers it by its outcome. */
	void drive(boolean close) throws Exception {
		var key = UUID.randomUUID().toString();
		var summary = call(() -> dispatcher.post(node(), "/api/cases", intake(key), key));
		var id = UUID.fromString(summary.string("id"));
		acknowledged.put(key, id);
		while (summary != null) {
			var status = summary.string("status");
			if (status.equals("CLOSED") || status.equals("DISPATCHED") && !close) {
				cases.put(id, close);
				return;
			}
			summary = next(id, status, summary.number("version"));
		}
	}

	private ApiClient.Response next(UUID id, String status, long version) throws Exception {
		var path = "/api/cases/" + id + "/";
		return switch (status) {
			case "REPORTED" -> act(() -> dispatcher.post(node(), path + "file", Map.of("version", version,
					"categoryStandard", "CJT214", "categoryCode", "E0501", "urgency", "NORMAL")), id);
			case "FILED" -> act(() -> dispatcher.post(node(), path + "dispatch", Map.of("version", version, "lead",
					market)), id);
			case "DISPATCHED" -> act(() -> handler.post(node(), path + "claim", Map.of("version", version)), id);
			case "IN_PROGRESS" -> act(() -> handler.post(node(), path + "report-back", Map.of("version", version,
					"result", "已处置")), id);
			case "REPORTED_BACK" -> act(() -> dispatcher.post(node(), path + "verify", Map.of("version", version,
					"passed", true, "note", "核查通过")), id);
			default -> throw new AssertionError("Unexpected state " + status + " of " + id);
		};
	}

	static Map<String, Object> intake(String key) {
		var random = ThreadLocalRandom.current();
		var intake = new HashMap<String, Object>();
		intake.put("channel", "PHONE");
		intake.put("title", ClusterTests.title(key));
		intake.put("description", "两个节点的负载测试");
		intake.put("categoryStandard", "CJT214");
		intake.put("categoryCode", "E0501");
		intake.put("urgency", "NORMAL");
		intake.put("longitude", 87.2700 + random.nextDouble() * 0.004);
		intake.put("latitude", 43.9900 + random.nextDouble() * 0.004);
		intake.put("coordinateSystem", "WGS84");
		intake.put("community", ClusterTests.COMMUNITY);
		intake.put("reporterName", "测试居民");
		intake.put("reporterPhone", "139" + (10_000_000 + random.nextInt(89_999_999)));
		return intake;
	}

	/** A transition; when it was not acknowledged or lost a race to its own retry (409), the case as it is now. */
	ApiClient.Response act(Request request, UUID id) throws Exception {
		for (var tries = 0; tries < 50; tries++) {
			try {
				var response = request.send();
				if (response.ok()) {
					return response;
				}
				if (response.status() != 409) {
					throw new AssertionError("HTTP " + response.status() + ": " + response.text());
				}
			}
			catch (IOException notAcknowledged) {
				failures.incrementAndGet();
				Thread.sleep(100);
			}
			try {
				var current = dispatcher.get(node(), "/api/cases/" + id);
				if (current.ok()) {
					var summary = current.json().get("summary");
					return new ApiClient.Response(200, summary, summary.toString());
				}
			}
			catch (IOException notAnswered) {
				failures.incrementAndGet();
				Thread.sleep(100);
			}
		}
		throw new AssertionError("No node answered for " + id);
	}

	/** A request retried (with the same Idempotency-Key) until a node acknowledges it. */
	ApiClient.Response call(Request request) throws Exception {
		for (var tries = 0; tries < 50; tries++) {
			try {
				var response = request.send();
				if (response.ok()) {
					return response;
				}
				throw new AssertionError("HTTP " + response.status() + ": " + response.text());
			}
			catch (IOException notAcknowledged) {
				failures.incrementAndGet();
				Thread.sleep(100);
			}
		}
		throw new AssertionError("No node acknowledged the request");
	}


	@FunctionalInterface
	interface Request {

		ApiClient.Response send() throws IOException;

	}

}
