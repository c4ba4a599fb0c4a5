package io.vigil.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one kept-alive connection, a POST of bytes at hand, the
 * status, {@code Retry-After} and body read back (by {@code Content-Length} or chunked). The JDK's
 * {@code HttpClient} took about 2 ms of CPU per 400 KB batch, a tenth of the two cores the server
 * under test shares with it; this writes the bytes once. One thread at a time.
 */
final class PlainHttpPoster implements AutoCloseable {

  /** What the server answered. */
  record Answer(int status, long retryAfterSeconds, String body) {}

  private final String host;
  private final int port;
  private final String head;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  /**
   * @param path the request target, e.g. {@code /api/v1/inferences}
   * @param headers extra header lines, each without its line break
   */
  PlainHttpPoster(String host, int port, String path, String contentType, String... headers) {
    this.host = host;
    this.port = port;
    StringBuilder lines = new StringBuilder();
    lines.append("POST ").append(path).append(" HTTP/1.1\r\n");
    lines.append("Host: ").append(host).append(':').append(port).append("\r\n");
    lines.append("Content-Type: ").append(contentType).append("\r\n");
    for (String header : headers) {
      lines.append(header).append("\r\n");
    }
    this.head = lines.toString();
  }

  Answer post(byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    byte[] request =
        (head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    out.write(request);
    out.write(body);
    out.flush();
    return readAnswer();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(120_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  private Answer readAnswer() throws IOException {
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.1 answer: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    long contentLength = -1;
    boolean chunked = false;
    boolean closes = false;
    long retryAfter = 1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closes = value.equalsIgnoreCase("close");
        case "retry-after" -> retryAfter = Long.parseLong(value);
        default -> {}
      }
    }
    String body = new String(chunked ? chunks() : exactly(contentLength), StandardCharsets.UTF_8);
    if (closes) {
      close();
    }
    return new Answer(status, retryAfter, body);
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int extension = size.indexOf(';');
      long length = Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
      if (length == 0) {
        while (!line().isEmpty()) {
          // trailer fields, unused
        }
        return body.toByteArray();
      }
      body.write(exactly(length));
      line(); // the chunk's closing line break
    }
  }

  private byte[] exactly(long length) throws IOException {
    if (length < 0) {
      throw new IOException("an answer without Content-Length or chunked encoding");
    }
    byte[] bytes = in.readNBytes((int) length);
    if (bytes.length != length) {
      throw new IOException("the connection closed in the middle of an answer");
    }
    return bytes;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed in the middle of an answer");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
