package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Prometheus server (Debian's binary) on a free loopback port, with its storage in a
 * temporary directory, scraping one Vigil every second and loading the given rule files. Close it
 * to stop the process.
 */
final class PrometheusProcess implements AutoCloseable {

  /** How long Prometheus may take to start, and a condition to come true. */
  static final Duration DEADLINE = Duration.ofSeconds(90);

  /**
   * Between two polls of a real external process: long enough not to busy-wait, short against the
   * one-second scrape interval.
   */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final InstantSource clock = InstantSource.system();

  private PrometheusProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts Prometheus scraping {@code /actuator/prometheus} on {@code vigilPort}. */
  static PrometheusProcess start(Path workDir, int vigilPort, List<Path> ruleFiles)
      throws IOException, InterruptedException {
    int port = freePort();
    Path config = workDir.resolve("prometheus.yml");
    StringBuilder rules = new StringBuilder();
    for (Path file : ruleFiles) {
      rules.append("  - ").append(file.toAbsolutePath()).append('\n');
    }
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
        %s\
        scrape_configs:
          - job_name: vigil
            metrics_path: /actuator/prometheus
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """
            .formatted(rules, vigilPort));
    Path log = workDir.resolve("prometheus.log");
    Process process =
        new ProcessBuilder(
                DebianPrometheus.binary("prometheus").toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrometheusProcess prometheus = new PrometheusProcess(process, log, port);
    try {
      prometheus.awaitReady();
    } catch (RuntimeException | Error | IOException | InterruptedException e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  /** The {@code data} of an instant query, once {@code until} accepts it. */
  JsonNode awaitQuery(String promql, Predicate<JsonNode> until)
      throws IOException, InterruptedException {
    Instant deadline = clock.instant().plus(DEADLINE);
    JsonNode last = null;
    while (clock.instant().isBefore(deadline)) {
      last = query(promql);
      if (last.path("status").asText().equals("success") && until.test(last.path("data"))) {
        return last.path("data");
      }
      pause();
    }
    return fail(
        "Prometheus did not answer %s as expected within %s; last answer: %s; log: %s",
        promql, DEADLINE, last, logTail());
  }

  /** The whole answer of an instant query: {@code status}, {@code data} or {@code error}. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops Prometheus: SIGTERM, then SIGKILL if it has not exited within the grace period. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = clock.instant().plus(DEADLINE);
    while (clock.instant().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("Prometheus exited with " + process.exitValue() + ": " + logTail());
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Prometheus has not opened its port yet.
      }
      pause();
    }
    fail("Prometheus was not ready within " + DEADLINE + ": " + logTail());
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(POLL_INTERVAL.toMillis());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
