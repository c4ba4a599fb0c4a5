package io.vigil.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for a {@code vigil serve} process a benchmark started to report itself ready. */
public final class ServerReadiness {

  private static final Duration POLL = Duration.ofMillis(500);

  private ServerReadiness() {}

  /**
   * Polls {@code base + /actuator/health/readiness} until it answers 200 (the server has started
   * and warmed up), failing with the server's log when it exits or {@code timeout} passes.
   */
  public static void await(HttpClient http, String base, Process server, Path log, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("vigil serve exited:\n" + Files.readString(log));
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // The server is still starting.
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        "vigil serve did not become ready in " + timeout + ":\n" + Files.readString(log));
  }
}
