package io.grassroots.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client of the REST API of a {@link ServerProcess}, signed in with an API token. Connection failures
 * (a node that was killed) surface as {@link IOException}, so a load generator can tell "not acknowledged" from an
 * answer.
 */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(3))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String token;

	public ApiClient(String token) {
		this.token = token;
	}

	public Response get(String baseUrl, String path) throws IOException {
		return send(request(baseUrl, path).GET().build());
	}

	public Response post(String baseUrl, String path, Object body) throws IOException {
		return post(baseUrl, path, body, null);
	}

	/** A POST of JSON, with an {@code Idempotency-Key} when one is given. */
	public Response post(String baseUrl, String path, Object body, String idempotencyKey) throws IOException {
		var request = request(baseUrl, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	private HttpRequest.Builder request(String baseUrl, String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	private static Response send(HttpRequest request) throws IOException {
		try {
			var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			var body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
			return new Response(response.statusCode(), body, response.body());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/** A status and the JSON body (null when empty). */
	public record Response(int status, JsonNode json, String text) {

		public boolean ok() {
			return status / 100 == 2;
		}

		public String string(String field) {
			return json.get(field).asString();
		}

		public long number(String field) {
			return json.get(field).asLong();
		}

	}

}
