package io.grassroots.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the SMS gateway on a loopback port: answers every delivery 200 and records when each delivery id
 * arrived. {@link #slow(boolean)} makes it hold each answer, so that deliveries stay in flight.
 */
public final class WebhookGateway implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, List<Instant>> received = new ConcurrentHashMap<>();

	private volatile boolean slow;

	public WebhookGateway() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/sms", exchange -> {
			var body = ApiClient.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			received.computeIfAbsent(body.get("id").asString(), id -> new CopyOnWriteArrayList<>()).add(Instant.now());
			if (slow) {
				pause();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	/** The URL to configure as {@code grassroots.notification.webhook-url}. */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
	}

	public void slow(boolean slow) {
		this.slow = slow;
	}

	/** When each delivery with this id arrived (empty if never). */
	public List<Instant> receipts(String deliveryId) {
		return received.getOrDefault(deliveryId, List.of());
	}

	public long receivedMoreThanOnce() {
		return received.values().stream().filter(r -> r.size() > 1).count();
	}

	private static void pause() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
