package io.vigil.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A line on stderr every few seconds: the current phase, what it achieved lately, the writer's
 * queue and the heap.
 */
final class Progress implements AutoCloseable {

  private static final Duration PERIOD = Duration.ofSeconds(5);
  private static final double MB = 1024 * 1024;

  private final LoadClient client;
  private final ServerGauges gauges;
  private final int batchSize;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "load-progress");
            thread.setDaemon(true);
            return thread;
          });
  private volatile PhaseLog phase;
  private long lastTick = System.nanoTime();

  Progress(LoadClient client, ServerGauges gauges, int batchSize) {
    this.client = client;
    this.gauges = gauges;
    this.batchSize = batchSize;
    timer.scheduleAtFixedRate(
        this::print, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Reports on {@code log} from now on. */
  void follow(PhaseLog log) {
    phase = log;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void print() {
    PhaseLog log = phase;
    long now = System.nanoTime();
    long since = lastTick;
    lastTick = now;
    if (log == null) {
      return;
    }
    List<Answer> recent =
        log.answers().stream().filter(a -> a.endNanos() > since && a.endNanos() <= now).toList();
    double seconds = (now - since) / 1e9;
    long batches =
        recent.stream().filter(a -> a.ok() && a.kind() == RequestKind.INFERENCES).count();
    long queries = recent.stream().filter(a -> a.ok() && !a.kind().ingest()).count();
    long refused = recent.stream().filter(Answer::refused).count();
    long unanswered = recent.stream().filter(Answer::unanswered).count();
    ServerGauges.Sample reading = gauges.latest();
    System.err.printf(
        "load: %-22s %5.0fs  %,8.0f records/s  %5.1f queries/s  %4d refused  %3d unanswered"
            + "  %3d outstanding  %s%n",
        log.name(),
        log.seconds(),
        batches * batchSize / seconds,
        queries / seconds,
        refused,
        unanswered,
        client.outstanding(),
        reading == null
            ? "?"
            : String.format(
                "queue %,d  heap %.0f MB (live %.0f MB)",
                reading.queuedRecords(), reading.usedBytes() / MB, reading.liveBytes() / MB));
  }
}
