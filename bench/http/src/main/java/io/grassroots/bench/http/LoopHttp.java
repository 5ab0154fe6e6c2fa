package io.grassroots.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * The event-loop load generator (intake20): one selector thread drives N keep-alive HTTP/1.1 connections with
 * non-blocking channels, so that the load generator's wake-ups on the 2 cores it shares with the server are one
 * thread's, not one per client. Each request's bytes come from {@link MiniHttp#encode} (the same bytes as the blocking
 * client sends); each answer is read whole (Content-Length or chunked) and parsed by {@link MiniHttp#parse}.
 * A connection the server closes (a {@code Connection: close} answer) is opened anew; a request whose connection was
 * closed before any byte of its answer came is sent once more on a new one, as {@link MiniHttp} does.
 */
final class LoopHttp {

	/** The next request's bytes (the connection's encoder reused) and what to do with its answer. */
	interface Requests {

		/** Encodes the next request with this encoder; its length. */
		int next(MiniHttp encoder, Random rnd);

		/** Whether the answer is the expected one (status and body checked by the caller's rules). */
		boolean answered(int status, String body);

	}

	/** What one measurement did: per connection its latencies, and the fixed-rate requests that waited for one. */
	record Result(List<Latencies> latencies, List<StallProbe.Request> answered, long waitedForConnection) {
	}

	private final String host;

	private final int port;

	private final Requests requests;

	private final Selector selector;

	private final List<Connection> connections = new ArrayList<>();

	private LoopHttp(String host, int port, Requests requests) throws IOException {
		this.host = host;
		this.port = port;
		this.requests = requests;
		this.selector = Selector.open();
	}

	/** One keep-alive connection with at most one request outstanding. */
	private final class Connection {

		final MiniHttp encoder = new MiniHttp(host, port);

		final Latencies latencies = new Latencies();

		final Random rnd;

		SocketChannel channel;

		SelectionKey key;

		ByteBuffer out;

		byte[] in = new byte[16384];

		int end;

		/** When the outstanding request was sent (closed loop) or due (fixed rate); −1 when idle. */
		long t0 = -1;

		/** Whether the outstanding request was already sent once more after its connection closed. */
		boolean retried;

		/** The last finished request: when it was sent or due, and whether its answer was the expected one. */
		long lastT0;

		boolean lastOk;

		Connection(Random rnd) {
			this.rnd = rnd;
		}

		void open() throws IOException {
			channel = SocketChannel.open();
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channel.configureBlocking(false);
			end = 0;
			if (channel.connect(new InetSocketAddress(host, port))) {
				key = channel.register(selector, SelectionKey.OP_READ, this);
			}
			else {
				key = channel.register(selector, SelectionKey.OP_CONNECT, this);
			}
		}

		void send(long t0) throws IOException {
			this.t0 = t0;
			this.retried = false;
			var length = requests.next(encoder, rnd);
			out = ByteBuffer.wrap(encoder.request(), 0, length);
			write();
		}

		void write() throws IOException {
			if (!key.isValid() || (key.interestOps() & SelectionKey.OP_CONNECT) != 0) {
				return; // sent once connected
			}
			channel.write(out);
			key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
		}

		void close() {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}

	}

	/**
	 * Closed loop: {@code clients} connections, each sending its next request as soon as the previous one is answered,
	 * until {@code endAt} (System.nanoTime); latency from the send.
	 */
	static Result closedLoop(String host, int port, int clients, List<Random> rnds, long startAt, long endAt,
			Requests requests) throws IOException {
		var loop = new LoopHttp(host, port, requests);
		try {
			loop.open(clients, rnds);
			long now;
			while ((now = System.nanoTime()) < startAt) {
				LockSupport.parkNanos(startAt - now);
			}
			for (var c : loop.connections) {
				c.send(System.nanoTime());
			}
			var busy = clients;
			while (busy > 0) {
				loop.selector.select(100);
				for (var key : loop.selector.selectedKeys()) {
					var c = (Connection) key.attachment();
					if (loop.ready(c)) {
						var t = System.nanoTime();
						if (t < endAt) {
							c.send(t);
						}
						else {
							busy--;
						}
					}
				}
				loop.selector.selectedKeys().clear();
			}
			return new Result(loop.connections.stream().map(c -> c.latencies).toList(), List.of(), 0);
		}
		finally {
			loop.close();
		}
	}

	/**
	 * Open loop: request i is due at {@code startAt + i × interval}; it goes out on a free connection of the
	 * {@code connections} as soon as it is due (latency from the due time), or, when none is free, on the first one
	 * that frees (counted in {@link Result#waitedForConnection}). A ticker thread wakes the selector at each due time
	 * (the selector's own timeout counts whole milliseconds).
	 */
	static Result fixedRate(String host, int port, int connections, List<Random> rnds, long startAt, double interval,
			long total, long baseMs, long baseNs, Requests requests) throws IOException {
		var loop = new LoopHttp(host, port, requests);
		var ticker = new Thread(() -> {
			for (var i = 0L; i < total && !Thread.currentThread().isInterrupted(); i++) {
				var due = startAt + (long) (i * interval);
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				loop.selector.wakeup();
			}
		}, "fixed-ticker");
		ticker.setDaemon(true);
		try {
			loop.open(connections, rnds);
			var free = new ArrayDeque<>(loop.connections);
			var answered = new ArrayList<StallProbe.Request>();
			var next = 0L;
			var waited = 0L;
			var counted = 0L;
			var done = 0L;
			ticker.start();
			while (done < total) {
				var now = System.nanoTime();
				while (next < total && startAt + (long) (next * interval) <= now) {
					if (free.isEmpty()) {
						// every request due by now waits: each counted once
						var dueNow = Math.min(total, (long) ((now - startAt) / interval) + 1);
						waited += Math.max(0, dueNow - Math.max(next, counted));
						counted = Math.max(counted, dueNow);
						break;
					}
					free.poll().send(startAt + (long) (next++ * interval));
				}
				loop.selector.select(next < total ? Math.max(1, (startAt + (long) (next * interval) - now) / 1_000_000)
						: 100);
				for (var key : loop.selector.selectedKeys()) {
					var c = (Connection) key.attachment();
					if (loop.ready(c)) {
						done++;
						if (c.lastOk) {
							var end = System.nanoTime();
							answered.add(new StallProbe.Request(baseMs + (c.lastT0 - baseNs) / 1e6,
									baseMs + (end - baseNs) / 1e6));
						}
						free.add(c);
					}
				}
				loop.selector.selectedKeys().clear();
			}
			return new Result(loop.connections.stream().map(c -> c.latencies).toList(), answered, waited);
		}
		finally {
			ticker.interrupt();
			loop.close();
		}
	}

	private void open(int n, List<Random> rnds) throws IOException {
		for (var i = 0; i < n; i++) {
			var c = new Connection(rnds.get(i));
			c.open();
			connections.add(c);
		}
	}

	/**
	 * Handles the ready operations of a connection; true when its outstanding request finished — answered (its
	 * latency counted, {@code lastOk}) or failed (an error counted) — and the connection is free again.
	 */
	private boolean ready(Connection c) {
		try {
			var key = c.key;
			if (!key.isValid()) {
				return false;
			}
			if (key.isConnectable()) {
				c.channel.finishConnect();
				key.interestOps(SelectionKey.OP_READ);
				if (c.out != null && c.t0 >= 0) {
					c.write();
				}
				return false;
			}
			if (key.isWritable()) {
				c.write();
			}
			if (!key.isReadable()) {
				return false;
			}
			if (c.end == c.in.length) {
				c.in = Arrays.copyOf(c.in, c.in.length * 2);
			}
			var n = c.channel.read(ByteBuffer.wrap(c.in, c.end, c.in.length - c.end));
			if (n < 0) {
				return closed(c);
			}
			c.end += n;
			var answer = MiniHttp.parse(c.in, 0, c.end);
			if (answer == null) {
				return false;
			}
			if (c.t0 < 0) {
				throw new IOException("an answer without a request");
			}
			var rest = c.end - answer.next();
			System.arraycopy(c.in, answer.next(), c.in, 0, rest);
			c.end = rest;
			c.lastOk = requests.answered(answer.status(), answer.body());
			if (c.lastOk) {
				c.latencies.add(System.nanoTime() - c.t0);
			}
			else {
				c.latencies.errors++;
			}
			if (answer.close()) {
				c.close();
				c.open();
			}
			return finish(c);
		}
		catch (IOException | RuntimeException e) {
			c.latencies.errors++;
			c.lastOk = false;
			c.close();
			try {
				c.open();
			}
			catch (IOException again) {
				throw new IllegalStateException("cannot reconnect to " + host + ":" + port, again);
			}
			return c.t0 >= 0 && finish(c);
		}
	}

	private static boolean finish(Connection c) {
		c.lastT0 = c.t0;
		c.out = null;
		c.t0 = -1;
		return true;
	}

	/** The server closed the connection: the outstanding request is sent once more on a new one if nothing came. */
	private boolean closed(Connection c) throws IOException {
		c.close();
		if (c.t0 < 0) {
			c.open();
			return false;
		}
		if (c.end > 0 || c.retried) {
			throw new IOException("connection closed");
		}
		c.open();
		c.retried = true;
		c.out.rewind();
		c.write();
		return false;
	}

	private void close() throws IOException {
		for (var c : connections) {
			c.close();
		}
		selector.close();
	}

}
