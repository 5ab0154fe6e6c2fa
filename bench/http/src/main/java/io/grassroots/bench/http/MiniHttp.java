package io.grassroots.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive connection, so that the load generator spends as little
 * CPU as possible on the 2-core machine it shares with the server: no selector thread, no futures, no allocation
 * beyond the request and response bytes. Handles Content-Length and chunked responses; reconnects when the server
 * closes the connection.
 */
final class MiniHttp implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

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
		var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
			.append(host).append(':').append(port).append("\r\nAccept: application/json\r\n");
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
		var bytes = head.toString().getBytes(StandardCharsets.UTF_8);
		for (var attempt = 0;; attempt++) {
			try {
				connect();
				if (body == null) {
					out.write(bytes);
				}
				else {
					var all = new byte[bytes.length + body.length];
					System.arraycopy(bytes, 0, all, 0, bytes.length);
					System.arraycopy(body, 0, all, bytes.length, body.length);
					out.write(all);
				}
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

	private void connect() throws IOException {
		if (socket != null) {
			return;
		}
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(host, port), 5000);
		socket.setSoTimeout(60_000);
		in = new BufferedInputStream(socket.getInputStream(), 16384);
		out = socket.getOutputStream();
	}

	private Response read() throws IOException {
		var statusLine = line();
		if (statusLine == null) {
			throw new IOException("connection closed");
		}
		var status = Integer.parseInt(statusLine.substring(9, 12));
		var length = -1;
		var chunked = false;
		var closeAfter = false;
		String header;
		while ((header = line()) != null && !header.isEmpty()) {
			var colon = header.indexOf(':');
			var name = header.substring(0, colon).trim();
			var value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Integer.parseInt(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				closeAfter = true;
			}
		}
		var body = new ByteArrayOutputStream(Math.max(length, 256));
		if (chunked) {
			while (true) {
				var size = Integer.parseInt(line().split(";")[0].trim(), 16);
				if (size == 0) {
					while (!line().isEmpty()) {
						// trailers
					}
					break;
				}
				body.write(in.readNBytes(size));
				line();
			}
		}
		else if (length > 0) {
			body.write(in.readNBytes(length));
		}
		if (closeAfter) {
			close();
		}
		return new Response(status, body.toString(StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		var sb = new StringBuilder(64);
		int c;
		while ((c = in.read()) != -1) {
			if (c == '\n') {
				var n = sb.length();
				return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
			}
			sb.append((char) c);
		}
		return sb.length() == 0 ? null : sb.toString();
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
