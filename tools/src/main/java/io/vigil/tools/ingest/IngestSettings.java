package io.vigil.tools.ingest;

import io.vigil.detectors.profile.ProfileSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the writer batches, windows and profiles what it stores.
 *
 * @param window the profile window length: divides an hour (when shorter) or a day; default 5
 *     minutes. Profiles are also rolled up per hour and per day.
 * @param queueCapacity records waiting to be written before new batches are refused
 * @param maxQueueDelay how long the oldest waiting batch may have waited before new batches are
 *     refused: the queue's bound in time, whatever the store's speed, so that an accepted batch is
 *     answered while its client still waits for the answer
 * @param maxGroupRecords records the writer commits in one transaction at most
 * @param profileFlushInterval how often profiles are written to the store; a crash loses no data,
 *     only this much profile work, redone from the records at the next start
 * @param profileCacheSize profiles kept in memory between flushes
 * @param profiles sketch and sample sizes of stored profiles
 * @param limits batch and record limits
 */
public record IngestSettings(
    Duration window,
    int queueCapacity,
    Duration maxQueueDelay,
    int maxGroupRecords,
    Duration profileFlushInterval,
    int profileCacheSize,
    ProfileSettings profiles,
    IngestLimits limits) {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

  public IngestSettings {
    Objects.requireNonNull(window, "window");
    if (window.isNegative()
        || window.isZero()
        || window.toMillis() % 1000 != 0
        || DAY.toSeconds() % window.toSeconds() != 0
        || (window.compareTo(HOUR) < 0 && HOUR.toSeconds() % window.toSeconds() != 0)) {
      throw new IllegalArgumentException(
          "the profile window must be whole seconds dividing an hour (or a day, when longer),"
              + " e.g. 1m, 5m, 15m, 1h; was "
              + window);
    }
    if (queueCapacity < 1 || maxGroupRecords < 1 || profileCacheSize < 1) {
      throw new IllegalArgumentException("queue, group and cache sizes must be >= 1");
    }
    Objects.requireNonNull(maxQueueDelay, "maxQueueDelay");
    if (maxQueueDelay.isNegative() || maxQueueDelay.isZero()) {
      throw new IllegalArgumentException("the queue delay must be positive, was " + maxQueueDelay);
    }
    Objects.requireNonNull(profileFlushInterval, "profileFlushInterval");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * Five-minute windows; 100,000 queued records, waiting 10 seconds at most (a client's timeout is
   * typically 30); groups of 5,000; profiles flushed every 5 seconds; 4,096 cached profiles; stored
   * profiles with a KLL {@code k} of 256 (about 1% rank error) and 1,024-value reservoirs, which
   * keeps a full numeric window profile near 13 KB.
   */
  public static IngestSettings defaults() {
    return new IngestSettings(
        Duration.ofMinutes(5),
        100_000,
        Duration.ofSeconds(10),
        5_000,
        Duration.ofSeconds(5),
        4_096,
        ProfileSettings.defaults().withQuantileSketchK(256).withReservoirCapacity(1024),
        IngestLimits.defaults());
  }

  public IngestSettings withWindow(Duration newWindow) {
    return new IngestSettings(
        newWindow,
        queueCapacity,
        maxQueueDelay,
        maxGroupRecords,
        profileFlushInterval,
        profileCacheSize,
        profiles,
        limits);
  }

  public IngestSettings withQueueCapacity(int capacity) {
    return new IngestSettings(
        window,
        capacity,
        maxQueueDelay,
        maxGroupRecords,
        profileFlushInterval,
        profileCacheSize,
        profiles,
        limits);
  }

  public IngestSettings withMaxQueueDelay(Duration delay) {
    return new IngestSettings(
        window,
        queueCapacity,
        delay,
        maxGroupRecords,
        profileFlushInterval,
        profileCacheSize,
        profiles,
        limits);
  }

  public IngestSettings withProfileFlushInterval(Duration interval) {
    return new IngestSettings(
        window,
        queueCapacity,
        maxQueueDelay,
        maxGroupRecords,
        interval,
        profileCacheSize,
        profiles,
        limits);
  }

  public IngestSettings withLimits(IngestLimits newLimits) {
    return new IngestSettings(
        window,
        queueCapacity,
        maxQueueDelay,
        maxGroupRecords,
        profileFlushInterval,
        profileCacheSize,
        profiles,
        newLimits);
  }

  /** The spans profiles are kept at, in seconds: the window, then an hour and a day when longer. */
  public List<Integer> profileSpans() {
    List<Integer> spans = new ArrayList<>();
    spans.add((int) window.toSeconds());
    for (Duration span : List.of(HOUR, DAY)) {
      if (span.compareTo(window) > 0) {
        spans.add((int) span.toSeconds());
      }
    }
    return spans;
  }
}
