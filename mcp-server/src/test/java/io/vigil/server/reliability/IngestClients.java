package io.vigil.server.reliability;

import io.vigil.server.reliability.CrashTraffic.Sent;
import io.vigil.server.reliability.ServerLives.Life;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Client threads that post batches to a server that is killed and restarted under them, as a model
 * server would: each batch is sent until the server acknowledges it with a 200 (a request cut off
 * by a kill is sent again to the next life; a 429 or 503 after its {@code Retry-After}), and only a
 * 200 counts as acknowledged. Each refusal (429, 503) is kept for the test to look at; any other
 * answer is a failure the test reports.
 */
final class IngestClients {

  /** A 429 or 503 as the client saw it, and how long the server took to answer it. */
  record Refusal(
      int status, String contentType, String retryAfter, String body, Duration elapsed) {}

  /** A request that takes longer than this is a hang, not a slow commit. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String authorization;
  private final ServerLives lives;
  private final List<Thread> threads = new ArrayList<>();
  private final Set<String> sentInferences = ConcurrentHashMap.newKeySet();
  private final Set<String> acknowledgedInferences = ConcurrentHashMap.newKeySet();
  private final Map<String, String> acknowledgedLabels = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();
  private final Object progress = new Object();
  private long acknowledgements;
  private long refused;
  private volatile boolean finishing;

  IngestClients(URI base, String token, ServerLives lives) {
    this.base = base;
    this.authorization = "Bearer " + token;
    this.lives = lives;
  }

  /** Starts {@code clients} threads, client {@code i} sending {@code new CrashTraffic(i, seed)}. */
  void start(int clients, long seed) {
    for (int i = 0; i < clients; i++) {
      CrashTraffic traffic = new CrashTraffic(i, seed);
      Thread thread = new Thread(() -> run(traffic), "crash-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * Waits until {@code count} more batches are acknowledged than when called.
   *
   * @throws IllegalStateException if they are not within {@code timeout}, or a client failed
   */
  void awaitAcknowledgements(int count, Duration timeout) throws InterruptedException {
    await("batches acknowledged", count, timeout, () -> acknowledgements);
  }

  /**
   * Waits until {@code count} more requests are refused (429, 503) than when called.
   *
   * @throws IllegalStateException if they are not within {@code timeout}, or a client failed
   */
  void awaitRefusals(int count, Duration timeout) throws InterruptedException {
    await("requests refused", count, timeout, () -> refused);
  }

  private void await(String what, int count, Duration timeout, LongSupplier counter)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long target = counter.getAsLong() + count;
      while (counter.getAsLong() < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !failures.isEmpty()) {
          throw new IllegalStateException(
              (count - (target - counter.getAsLong()))
                  + " of "
                  + count
                  + " "
                  + what
                  + " within "
                  + timeout
                  + "; failures: "
                  + failures);
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Lets each client send its current batch until acknowledged, then stops them. */
  void finish(Duration timeout) throws InterruptedException {
    finishing = true;
    lives.wake();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (thread.isAlive()) {
        throw new IllegalStateException(thread.getName() + " did not finish within " + timeout);
      }
    }
  }

  /** Every request id sent in a batch of records, acknowledged or not. */
  Set<String> sentInferences() {
    return Set.copyOf(sentInferences);
  }

  Set<String> acknowledgedInferences() {
    return Set.copyOf(acknowledgedInferences);
  }

  /** The last acknowledged label of each request id. */
  Map<String, String> acknowledgedLabels() {
    return Map.copyOf(acknowledgedLabels);
  }

  long acknowledgements() {
    synchronized (progress) {
      return acknowledgements;
    }
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  private void run(CrashTraffic traffic) {
    try {
      while (!finishing && failures.isEmpty()) {
        Sent sent = traffic.next();
        sentInferences.addAll(sent.inferenceIds());
        if (sendUntilAcknowledged(sent)) {
          traffic.acknowledged(sent);
          acknowledgedInferences.addAll(sent.inferenceIds());
          acknowledgedLabels.putAll(sent.labels().byRequestId());
          synchronized (progress) {
            acknowledgements++;
            progress.notifyAll();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      fail(Thread.currentThread().getName() + ": " + e);
    }
  }

  /** Sends until a 200; false after a failure (recorded). */
  private boolean sendUntilAcknowledged(Sent sent) throws InterruptedException {
    Life life = lives.awaitLifeAfter(null, ServeProcess.READY_TIMEOUT);
    while (true) {
      HttpResponse<String> response;
      long sentAt = System.nanoTime();
      try {
        response = life.http().send(request(sent), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (lives.isUp(life)) {
          fail("POST " + sent.path() + " failed with no kill to explain it: " + e);
          return false;
        }
        life = lives.awaitLifeAfter(life, ServeProcess.READY_TIMEOUT);
        continue;
      }
      int status = response.statusCode();
      if (status == 200) {
        return true;
      }
      if (status == 429 || status == 503) {
        refused(response, Duration.ofNanos(System.nanoTime() - sentAt));
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
        lives.pause(life, Duration.ofSeconds(seconds));
        if (!lives.isUp(life)) {
          life = lives.awaitLifeAfter(life, ServeProcess.READY_TIMEOUT);
        }
        continue;
      }
      fail("POST " + sent.path() + " answered " + status + ": " + response.body());
      return false;
    }
  }

  /** Records a failure and wakes the test, which stops waiting for progress that will not come. */
  private void fail(String failure) {
    failures.add(failure);
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  private void refused(HttpResponse<String> response, Duration elapsed) {
    refusals.add(
        new Refusal(
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            response.headers().firstValue("Retry-After").orElse(""),
            response.body(),
            elapsed));
    synchronized (progress) {
      refused++;
      progress.notifyAll();
    }
  }

  private HttpRequest request(Sent sent) {
    return HttpRequest.newBuilder(base.resolve(sent.path()))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", sent.contentType())
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(sent.body()))
        .build();
  }
}
