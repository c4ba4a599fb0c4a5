package io.vigil.agent.reason.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted Ollama server on loopback: answers {@code POST /api/chat} with the next scripted reply
 * and keeps every request body for the test to inspect. A script step can hold its answer until the
 * test releases a latch, to make the client time out without the test sleeping. Public so that the
 * agent's end-to-end tests (package {@code graph}) run the whole agent against it.
 */
public final class FakeOllama implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a held reply waits at most, so that a forgotten release cannot hang the build. */
  private static final long MAX_HOLD_SECONDS = 30;

  private interface Step {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Queue<Step> script = new ConcurrentLinkedQueue<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  private FakeOllama(HttpServer server) {
    this.server = server;
    server.createContext("/api/chat", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeOllama start() {
    try {
      return new FakeOllama(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The request bodies received, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** A final answer whose content is {@code content}. */
  public FakeOllama answer(String content) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
    script.add(exchange -> send(exchange, 200, done(message).toString()));
    return this;
  }

  /** A tool call: the model asks for {@code tool} with {@code arguments} (a JSON object). */
  public FakeOllama callTool(String tool, String arguments) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", "");
    ObjectNode function = message.putArray("tool_calls").addObject().putObject("function");
    function.put("name", tool);
    function.set("arguments", read(arguments));
    script.add(exchange -> send(exchange, 200, done(message).toString()));
    return this;
  }

  /** An error status with Ollama's error body. */
  public FakeOllama fail(int status, String error) {
    String body = JSON.createObjectNode().put("error", error).toString();
    script.add(exchange -> send(exchange, status, body));
    return this;
  }

  /** Holds the answer until {@code release} is counted down, then answers {@code content}. */
  public FakeOllama holdUntil(CountDownLatch release, String content) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
    script.add(
        exchange -> {
          release.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
          send(exchange, 200, done(message).toString());
        });
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
      Step step = script.poll();
      if (step == null) {
        send(exchange, 500, "{\"error\":\"the fake has no scripted reply left\"}");
        return;
      }
      step.answer(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    }
  }

  private static ObjectNode done(ObjectNode message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", "fake");
    body.put("created_at", "2026-11-26T00:00:00Z");
    body.set("message", message);
    body.put("done", true);
    body.put("done_reason", "stop");
    body.put("prompt_eval_count", 10);
    body.put("eval_count", 10);
    return body;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
