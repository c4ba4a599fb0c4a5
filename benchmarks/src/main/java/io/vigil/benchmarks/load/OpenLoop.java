package io.vigil.benchmarks.load;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers requests at fixed rates whatever the server does (an open loop): batches at the phase's
 * rate, labels for acknowledged batches at the same rate, queries at {@code queriesPerBatch} times
 * it. A slow answer does not slow the arrivals, so latencies include the time requests wait in the
 * server's queues, and an overloaded server sees the excess instead of being waited for.
 */
final class OpenLoop {

  private final LoadClient client;
  private final Workload workload;
  private final LoadOptions options;
  private final Progress progress;
  private final ServerGauges gauges;

  OpenLoop(
      LoadClient client,
      Workload workload,
      LoadOptions options,
      Progress progress,
      ServerGauges gauges) {
    this.client = client;
    this.workload = workload;
    this.options = options;
    this.progress = progress;
    this.gauges = gauges;
  }

  /**
   * Runs one phase; returns when its last arrival was offered (answers may still come in, into the
   * returned log) and the heap the server retains at that moment has been measured.
   */
  PhaseLog run(String name, double recordsPerSecond, Duration duration)
      throws InterruptedException {
    PhaseLog log = new PhaseLog(name, recordsPerSecond);
    progress.follow(log);
    double batchesPerSecond = recordsPerSecond / options.batchSize();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    Arrivals batches = new Arrivals(start, batchesPerSecond);
    Arrivals labels =
        new Arrivals(start, workload.traffic().labelsPerBatch() > 0 ? batchesPerSecond : 0);
    Arrivals queries = new Arrivals(start, batchesPerSecond * options.queriesPerBatch());
    while (!client.exhausted()) {
      long next = Math.min(end, Math.min(batches.next(), Math.min(labels.next(), queries.next())));
      parkUntil(next);
      if (next >= end) {
        break;
      }
      if (batches.due(next)) {
        client.offer(RequestKind.INFERENCES, workload::inferences, log);
      }
      if (labels.due(next)) {
        OptionalLong batch = workload.ledger().nextToLabel();
        if (batch.isPresent()) {
          client.offer(RequestKind.LABELS, () -> workload.labels(batch.getAsLong()), log);
        }
      }
      if (queries.due(next)) {
        Call query = workload.query();
        client.offer(query.kind(), () -> query, log);
      }
    }
    log.end();
    log.retained(gauges.retainedAfterFullCollection());
    return log;
  }

  private static void parkUntil(long deadline) {
    for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
      LockSupport.parkNanos(deadline - now);
    }
  }

  /** One stream's arrival times: {@code start + k / rate}, none at all when the rate is 0. */
  private static final class Arrivals {

    private final long start;
    private final double intervalNanos;
    private long count;

    Arrivals(long start, double perSecond) {
      this.start = start;
      this.intervalNanos = perSecond > 0 ? 1e9 / perSecond : Double.POSITIVE_INFINITY;
    }

    long next() {
      double at = start + count * intervalNanos;
      return at >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) at;
    }

    /** Whether this stream's next arrival is at or before {@code now}; if so, it is taken. */
    boolean due(long now) {
      if (next() <= now) {
        count++;
        return true;
      }
      return false;
    }
  }
}
