package io.vigil.tools.ingest;

import java.time.Duration;

/**
 * How long a batch queued now would wait for the writer: the larger of how long the oldest waiting
 * batch has waited already and the records ahead of it at the rate the writer gets through its
 * groups. The oldest batch's age alone understates the wait when batches arrive faster than they
 * are written: arriving three times as fast as they are written, a batch waits three times that
 * age; the rate alone knows nothing before the first group.
 *
 * <p>The rate is measured over the writer's work on each group (its commit and its hand-over to the
 * profiles), not over time it spent idle, and smoothed exponentially.
 */
final class QueueWait {

  /** The weight of the newest group's rate: about the last five groups count. */
  private static final double SMOOTHING = 0.2;

  private static final double NANOS_PER_SECOND = 1e9;

  /** Written by the writer thread, read by the threads that submit batches. */
  private volatile double recordsPerSecond;

  /** The writer got through a group of {@code records} in {@code nanos} of work. */
  void written(int records, long nanos) {
    if (records <= 0 || nanos <= 0) {
      return;
    }
    double rate = records * NANOS_PER_SECOND / nanos;
    double previous = recordsPerSecond;
    recordsPerSecond = previous == 0 ? rate : (1 - SMOOTHING) * previous + SMOOTHING * rate;
  }

  /** Records written per second of the writer's work; 0 before its first group. */
  double recordsPerSecond() {
    return recordsPerSecond;
  }

  /**
   * @param backlog the records queued ahead of the batch
   * @param oldestWaited how long the oldest queued batch has waited so far
   */
  Duration expected(int backlog, Duration oldestWaited) {
    double rate = recordsPerSecond;
    Duration draining =
        rate > 0 ? Duration.ofNanos((long) (backlog * NANOS_PER_SECOND / rate)) : Duration.ZERO;
    return draining.compareTo(oldestWaited) > 0 ? draining : oldestWaited;
  }
}
