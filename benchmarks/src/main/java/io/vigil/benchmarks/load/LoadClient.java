package io.vigil.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends the run's requests, every one with the admin token, and writes down each answer: in the
 * phase's log (figures) and, for ingest requests, in the ledger (the audit). Requests are sent
 * either one at a time by a closed-loop client thread ({@link #send}) or without waiting, as an
 * open loop's arrivals ({@link #offer}), at most {@code maxInFlight} outstanding; and at most
 * {@code maxRequests} over the whole run.
 */
final class LoadClient implements AutoCloseable {

  private static final int DETAIL_CHARS = 200;
  private static final String NDJSON = "application/x-ndjson";

  /** Threads that build request bodies: enough to keep up, few enough to leave the server CPU. */
  private static final int GENERATORS = 2;

  private final HttpClient http;
  private final String base;
  private final String authorization;
  private final Duration timeout;
  private final Semaphore inFlight;
  private final int maxInFlight;
  private final AtomicLong budget;
  private final Ledger ledger;
  private final Optional<McpToolClient> mcp;
  private final ExecutorService generators = Executors.newFixedThreadPool(GENERATORS, daemon());
  private final ExecutorService toolCalls = Executors.newCachedThreadPool(daemon());

  LoadClient(
      HttpClient http,
      VigilProcess server,
      LoadOptions options,
      Ledger ledger,
      Optional<McpToolClient> mcp) {
    this.http = http;
    this.base = server.base();
    this.authorization = "Bearer " + server.token();
    this.timeout = options.timeout();
    this.maxInFlight = options.maxInFlight();
    this.inFlight = new Semaphore(maxInFlight);
    this.budget = new AtomicLong(options.maxRequests());
    this.ledger = ledger;
    this.mcp = mcp;
  }

  /** The run has sent its {@code maxRequests}; phases end early when they see this. */
  boolean exhausted() {
    return budget.get() <= 0;
  }

  /** Requests sent and not answered yet. */
  int outstanding() {
    return maxInFlight - inFlight.availablePermits();
  }

  /** Sends a request and waits for its answer. */
  Answer send(Call call, PhaseLog log) {
    budget.decrementAndGet();
    Answer answer = dispatch(call).join();
    record(call, answer, log);
    return answer;
  }

  /**
   * Sends a request without waiting; its body is built off the caller's thread. When {@code
   * maxInFlight} requests are outstanding already, nothing is sent and the phase counts the arrival
   * as not sent.
   */
  void offer(RequestKind kind, Supplier<Call> call, PhaseLog log) {
    if (!inFlight.tryAcquire()) {
      log.recordNotSent(kind);
      return;
    }
    budget.decrementAndGet();
    CompletableFuture.supplyAsync(call, generators)
        .thenCompose(ready -> dispatch(ready).thenAccept(answer -> record(ready, answer, log)))
        .whenComplete(
            (done, failure) -> {
              inFlight.release();
              if (failure != null) {
                System.err.println("load: could not build or send a request: " + failure);
              }
            });
  }

  /** The answer to a GET on the server (seeding and checks), body included. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** POSTs JSON (seeding), body of the answer included. */
  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    generators.shutdownNow();
    toolCalls.shutdownNow();
    mcp.ifPresent(McpToolClient::close);
  }

  static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= DETAIL_CHARS ? line : line.substring(0, DETAIL_CHARS) + "...";
  }

  private CompletableFuture<Answer> dispatch(Call call) {
    if (call instanceof Call.Tool tool) {
      McpToolClient client =
          mcp.orElseThrow(() -> new IllegalStateException("MCP calls are off in this run"));
      return CompletableFuture.supplyAsync(() -> client.call(tool), toolCalls);
    }
    Call.Http request = (Call.Http) call;
    HttpRequest.Builder builder = request(request.path());
    if (request.body() == null) {
      builder.GET();
    } else {
      builder
          .header("Content-Type", NDJSON)
          .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    }
    long sent = System.nanoTime();
    return http.sendAsync(builder.build(), LoadClient::bodyIfUnexpected)
        .handle((response, failure) -> answer(request.kind(), sent, response, failure));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Authorization", authorization);
  }

  /** Reads the body of a success without keeping it; keeps the body of anything else. */
  private static HttpResponse.BodySubscriber<String> bodyIfUnexpected(
      HttpResponse.ResponseInfo info) {
    if (info.statusCode() / 100 == 2) {
      return HttpResponse.BodySubscribers.replacing("");
    }
    return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
  }

  private static Answer answer(
      RequestKind kind, long sent, HttpResponse<String> response, Throwable failure) {
    long latency = System.nanoTime() - sent;
    if (failure != null) {
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      return new Answer(kind, 0, false, false, false, sent, latency, abbreviate(cause.toString()));
    }
    return new Answer(
        kind,
        response.statusCode(),
        response.headers().firstValue("Retry-After").isPresent(),
        false,
        false,
        sent,
        latency,
        abbreviate(response.body()));
  }

  private void record(Call call, Answer answer, PhaseLog log) {
    log.record(answer);
    if (call instanceof Call.Http request && request.batch() >= 0) {
      if (request.kind() == RequestKind.INFERENCES) {
        ledger.inferences(request.batch(), answer);
      } else {
        ledger.labels(request.batch(), answer);
      }
    }
  }

  private static ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "load-client");
      thread.setDaemon(true);
      return thread;
    };
  }
}
