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
 * the connection.
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
		var length = head(method, path, bearer, key, body);
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
	private int head(String method, String path, String bearer, String key, byte[] body) {
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

	/** The answer, read from {@link #buffer}: status line and headers parsed in place, only the body made a string. */
	private Response read() throws IOException {
		if (start == end) {
			start = 0;
			end = 0;
		}
		var status = -1;
		var length = -1;
		var chunked = false;
		var closeAfter = false;
		for (var line = 0;; line++) {
			var from = start;
			var to = lineEnd();
			if (to < 0) {
				throw new IOException("connection closed");
			}
			start = to + 1;
			var last = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
			if (line == 0) {
				status = (buffer[from + 9] - '0') * 100 + (buffer[from + 10] - '0') * 10 + (buffer[from + 11] - '0');
				continue;
			}
			if (last == from) {
				break;
			}
			if (named(from, last, "content-length")) {
				length = Integer.parseInt(value(from, last));
			}
			else if (named(from, last, "transfer-encoding")) {
				chunked = value(from, last).equalsIgnoreCase("chunked");
			}
			else if (named(from, last, "connection")) {
				closeAfter = value(from, last).equalsIgnoreCase("close");
			}
		}
		var body = new ByteArrayOutputStream(Math.max(length, 256));
		if (chunked) {
			while (true) {
				var from = start;
				var to = lineEnd();
				start = to + 1;
				var size = Integer.parseInt(new String(buffer, from, to - from, StandardCharsets.ISO_8859_1).split(";")[0].trim(),
						16);
				if (size == 0) {
					// trailers, up to the empty line
					while (true) {
						var f = start;
						var t = lineEnd();
						start = t + 1;
						if (t - f <= 1) {
							break;
						}
					}
					break;
				}
				bytes(body, size);
				var t = lineEnd();
				start = t + 1;
			}
		}
		else if (length > 0) {
			bytes(body, length);
		}
		if (closeAfter) {
			close();
		}
		return new Response(status, body.toString(StandardCharsets.UTF_8));
	}

	/** Whether the header line from..to has this (lower-case) name. */
	private boolean named(int from, int to, String name) {
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

	private String value(int from, int to) {
		var colon = from;
		while (buffer[colon] != ':') {
			colon++;
		}
		return new String(buffer, colon + 1, to - colon - 1, StandardCharsets.ISO_8859_1).trim();
	}

	/** The index of the next '\n' at or after {@link #start}, reading more when needed; −1 at the end of the stream. */
	private int lineEnd() throws IOException {
		var i = start;
		while (true) {
			for (; i < end; i++) {
				if (buffer[i] == '\n') {
					return i;
				}
			}
			if (!fill()) {
				return -1;
			}
		}
	}

	/** Reads more bytes after {@link #end} (growing the buffer if full; unread bytes stay where they are). */
	private boolean fill() throws IOException {
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

	private void bytes(ByteArrayOutputStream body, int n) throws IOException {
		while (end - start < n) {
			var have = end - start;
			body.write(buffer, start, have);
			start = 0;
			end = 0;
			n -= have;
			if (!fill()) {
				throw new IOException("connection closed");
			}
		}
		body.write(buffer, start, n);
		start += n;
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
