package io.vigil.agent.execute;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP endpoint for tests: answers with scripted responses (200 once the script runs out)
 * and records every request. A scripted hang holds the request until the receiver is closed, so the
 * client's timeout fires without the test sleeping.
 */
public final class RecordingReceiver implements AutoCloseable {

  /** One request as received. */
  public record Received(String method, String path, Headers headers, String body) {

    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** One scripted answer. */
  public record Answer(int status, Map<String, String> headers, String body, boolean hang) {

    public static Answer status(int status) {
      return new Answer(status, Map.of(), "", false);
    }

    public static Answer status(int status, String body) {
      return new Answer(status, Map.of(), body, false);
    }

    public static Answer retryAfter(int status, String retryAfter) {
      return new Answer(status, Map.of("Retry-After", retryAfter), "", false);
    }

    public static Answer hanging() {
      return new Answer(200, Map.of(), "", true);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();

  public RecordingReceiver(Answer... answers) {
    script.addAll(List.of(answers));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of {@code path} on this receiver. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer;
    synchronized (this) {
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              body));
      answer = script.isEmpty() ? Answer.status(200) : script.poll();
    }
    if (answer.hang()) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
