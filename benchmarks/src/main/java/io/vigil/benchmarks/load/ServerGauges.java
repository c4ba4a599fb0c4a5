package io.vigil.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the server's heap once a second from its own gauges: {@code jvm.memory.used} over the heap
 * pools (what the heap holds now, garbage included) and {@code jvm.gc.live.data.size} (the old
 * generation right after the last collection: what survives, the figure that grows when the heap is
 * not bounded).
 */
final class ServerGauges implements AutoCloseable {

  /** One reading. */
  record Sample(long nanos, long usedBytes, long liveBytes, long queuedRecords) {}

  private static final Duration PERIOD = Duration.ofSeconds(1);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);
  private static final String USED = "/actuator/metrics/jvm.memory.used?tag=area:heap";
  private static final String LIVE = "/actuator/metrics/jvm.gc.live.data.size";
  private static final String WRITER = "/actuator/health/writer";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final long pid;
  private final String base;
  private final String authorization;
  private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final AtomicLong failures = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
          });

  private ServerGauges(HttpClient http, long pid, String base, String token) {
    this.http = http;
    this.pid = pid;
    this.base = base;
    this.authorization = "Bearer " + token;
  }

  static ServerGauges start(HttpClient http, VigilProcess server) {
    ServerGauges sampler = new ServerGauges(http, server.pid(), server.base(), server.token());
    sampler.timer.scheduleAtFixedRate(sampler::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return sampler;
  }

  /** The readings taken between two instants of {@link System#nanoTime()}. */
  List<Sample> between(long fromNanos, long toNanos) {
    return samples.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() <= toNanos).toList();
  }

  /** The newest reading, if any. */
  Sample latest() {
    Sample latest = null;
    for (Sample sample : samples) {
      latest = sample;
    }
    return latest;
  }

  /**
   * The heap the server retains: a full collection is forced ({@code jcmd PID GC.run}, a pause of
   * its own), then the heap in use is read. The gauges above count garbage not collected yet; this
   * is what the server's queues and requests actually hold.
   *
   * @return the bytes, or -1 when they could not be read
   */
  long retainedAfterFullCollection() throws InterruptedException {
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(pid),
                  "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!jcmd.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        jcmd.destroyForcibly();
        return -1;
      }
      return read(USED).at("/measurements/0/value").asLong(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Readings that failed (no answer in time, or the server gone). */
  long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void sample() {
    try {
      long used = read(USED).at("/measurements/0/value").asLong();
      long live = read(LIVE).at("/measurements/0/value").asLong();
      long queued = read(WRITER).at("/details/queued_records").asLong();
      samples.add(new Sample(System.nanoTime(), used, live, queued));
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private JsonNode read(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }
}
