package io.grassroots.bench.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive connection, so that the load generator spends as little
 * CPU as possible on the 2-core machine it shares with the server: no selector thread, no futures; the request written
 * from one reused byte array, the answer read into a buffer of its own and its status line and headers parsed in place
 * (only the body becomes a string). Handles Content-Length and chunked responses; reconnects when the server closes
 * the connection. {@link LoopHttp}, the event-loop client, sends the bytes {@link #encode} makes and reads the answers
 * with {@link #parse}.
 */
final class MiniHttp implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	/** The answers' bytes as read: unread from {@link #start} to {@link #end}. */
	private byte[] buffer = new byte[16384];

	private int start;

	private int end;

	/** The request's bytes as sent, reused for the next request on this connection. */
	private byte[] request = new byte[4096];

	private final StringBuilder head = new StringBuilder(256);

	MiniHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	record Response(int status, String body) {
	}

	Response get(String path, String bearer) throws IOException {
		return send("GET", path, bearer, null, null);
	}

	Response post(String path, String bearer, String idempotencyKey, byte[] json) throws IOException {
		return send("POST", path, bearer, idempotencyKey, json);
	}

	private Response send(String method, String path, String bearer, String key, byte[] body) throws IOException {
		var length = encode(method, path, bearer, key, body);
		for (var attempt = 0;; attempt++) {
			try {
				connect();
				out.write(request, 0, length);
				out.flush();
				return read();
			}
			catch (IOException e) {
				close();
				// a keep-alive connection the server closed meanwhile: one fresh try
				if (attempt > 0) {
					throw e;
				}
			}
		}
	}

	/** The request's bytes, head and body, in {@link #request} (grown when needed); its length. */
	int encode(String method, String path, String bearer, String key, byte[] body) {
		var head = this.head;
		head.setLength(0);
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
			.append("\r\nAccept: application/json\r\n");
		if (bearer != null) {
			head.append("Authorization: Bearer ").append(bearer).append("\r\n");
		}
		if (key != null) {
			head.append("Idempotency-Key: ").append(key).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		// the head is ASCII: one byte per char (a bearer or key outside ASCII would be a bench bug)
		var n = head.length() + (body == null ? 0 : body.length);
		if (request.length < n) {
			request = new byte[Math.max(n, request.length * 2)];
		}
		for (var i = 0; i < head.length(); i++) {
			request[i] = (byte) head.charAt(i);
		}
		if (body != null) {
			System.arraycopy(body, 0, request, head.length(), body.length);
		}
		return n;
	}

	/** The bytes of the request last {@link #encode encoded}. */
	byte[] request() {
		return request;
	}

	private void connect() throws IOException {
		if (socket != null) {
			return;
		}
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(host, port), 5000);
		socket.setSoTimeout(60_000);
		in = socket.getInputStream();
		out = socket.getOutputStream();
		start = 0;
		end = 0;
	}

	/** The answer, read from {@link #buffer} (more read until {@link #parse} finds it whole). */
	private Response read() throws IOException {
		while (true) {
			var answer = parse(buffer, start, end);
			if (answer != null) {
				start = answer.next();
				if (start == end) {
					start = 0;
					end = 0;
				}
				if (answer.close()) {
					close();
				}
				return new Response(answer.status(), answer.body());
			}
			if (!fill()) {
				throw new IOException("connection closed");
			}
		}
	}

	/** A whole answer parsed from a buffer: its status, body, where the next one starts, whether the server closes. */
	record Answer(int status, String body, int next, boolean close) {
	}

	/**
	 * The answer that starts at {@code from} if the bytes up to {@code to} hold it whole (status line and headers
	 * parsed in place, the body by Content-Length or chunked, only the body made a string); null if not yet.
	 */
	static Answer parse(byte[] buffer, int from, int to) {
		var status = -1;
		var length = -1;
		var chunked = false;
		var closeAfter = false;
		var at = from;
		for (var line = 0;; line++) {
			var lineEnd = lineEnd(buffer, at, to);
			if (lineEnd < 0) {
				return null;
			}
			var first = at;
			at = lineEnd + 1;
			var last = lineEnd > first && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
			if (line == 0) {
				status = (buffer[first + 9] - '0') * 100 + (buffer[first + 10] - '0') * 10 + (buffer[first + 11] - '0');
				continue;
			}
			if (last == first) {
				break;
			}
			if (named(buffer, first, last, "content-length")) {
				length = Integer.parseInt(value(buffer, first, last));
			}
			else if (named(buffer, first, last, "transfer-encoding")) {
				chunked = value(buffer, first, last).equalsIgnoreCase("chunked");
			}
			else if (named(buffer, first, last, "connection")) {
				closeAfter = value(buffer, first, last).equalsIgnoreCase("close");
			}
		}
		if (!chunked) {
			var n = Math.max(length, 0);
			if (to - at < n) {
				return null;
			}
			return new Answer(status, new String(buffer, at, n, StandardCharsets.UTF_8), at + n, closeAfter);
		}
		var body = new ByteArrayOutputStream(256);
		while (true) {
			var lineEnd = lineEnd(buffer, at, to);
			if (lineEnd < 0) {
				return null;
			}
			var size = Integer.parseInt(
					new String(buffer, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
			at = lineEnd + 1;
			if (size == 0) {
				// trailers, up to the empty line
				while (true) {
					var t = lineEnd(buffer, at, to);
					if (t < 0) {
						return null;
					}
					var f = at;
					at = t + 1;
					if (t - f <= 1) {
						return new Answer(status, body.toString(StandardCharsets.UTF_8), at, closeAfter);
					}
				}
			}
			if (to - at < size) {
				return null;
			}
			body.write(buffer, at, size);
			at += size;
			var t = lineEnd(buffer, at, to);
			if (t < 0) {
				return null;
			}
			at = t + 1;
		}
	}

	/** Whether the header line from..to has this (lower-case) name. */
	private static boolean named(byte[] buffer, int from, int to, String name) {
		var n = name.length();
		if (to - from <= n || buffer[from + n] != ':') {
			return false;
		}
		for (var i = 0; i < n; i++) {
			if (Character.toLowerCase(buffer[from + i]) != name.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static String value(byte[] buffer, int from, int to) {
		var colon = from;
		while (buffer[colon] != ':') {
			colon++;
		}
		return new String(buffer, colon + 1, to - colon - 1, StandardCharsets.ISO_8859_1).trim();
	}

	/** The index of the next '\n' in from..to; −1 if none yet. */
	private static int lineEnd(byte[] buffer, int from, int to) {
		for (var i = from; i < to; i++) {
			if (buffer[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/** Reads more bytes after {@link #end} (unread bytes moved to the front, the buffer grown if full). */
	private boolean fill() throws IOException {
		if (start > 0) {
			System.arraycopy(buffer, start, buffer, 0, end - start);
			end -= start;
			start = 0;
		}
		if (end == buffer.length) {
			buffer = Arrays.copyOf(buffer, buffer.length * 2);
		}
		var n = in.read(buffer, end, buffer.length - end);
		if (n < 0) {
			return false;
		}
		end += n;
		return true;
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		socket = null;
		in = null;
		out = null;
	}

}
