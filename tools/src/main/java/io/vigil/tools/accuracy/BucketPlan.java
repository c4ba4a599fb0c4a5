package io.vigil.tools.accuracy;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.WindowGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * How a window is cut into time buckets: the bucket length (a whole number of profile windows), the
 * window widened to whole buckets, and the coarsest stored profile span that tiles a bucket.
 *
 * @param granularity the bucket length
 * @param range the answered window, widened to whole buckets
 * @param buckets each bucket, oldest first
 * @param profileSpanSeconds the coarsest stored profile span that divides the bucket length
 */
record BucketPlan(
    Duration granularity, TimeRange range, List<TimeRange> buckets, int profileSpanSeconds) {

  /** Default answers have at most this many buckets: a day in half-hours, two days in hours. */
  static final int DEFAULT_MAX_BUCKETS = 48;

  /** Asked-for granularities may give at most this many buckets, to keep answers readable. */
  static final int MAX_BUCKETS = 500;

  /** Bucket lengths a default granularity is chosen from, shortest first. */
  private static final List<Duration> CANDIDATES =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7),
          Duration.ofDays(14),
          Duration.ofDays(28));

  /**
   * Plans the buckets of {@code requested}.
   *
   * @param window the profile window
   * @param spans the stored profile spans in seconds, the window's first
   * @throws IllegalArgumentException if the asked-for granularity is not a multiple of the window
   *     or gives too many buckets
   */
  static BucketPlan of(
      TimeRange requested, Optional<Duration> asked, Duration window, List<Integer> spans) {
    WindowGrid windows = new WindowGrid(window);
    Duration granularity = asked.orElseGet(() -> defaultGranularity(requested, windows));
    if (!windows.divides(granularity)) {
      throw new IllegalArgumentException(
          "granularity "
              + granularity
              + " is not a whole number of "
              + windows.describe()
              + " profile windows; use e.g. "
              + windows.describe()
              + ", 1h or 1d");
    }
    WindowGrid grid = new WindowGrid(granularity);
    TimeRange range = grid.alignOutward(requested);
    long count = range.length().toSeconds() / granularity.toSeconds();
    if (count > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "granularity "
              + grid.describe()
              + " cuts "
              + requested
              + " into "
              + count
              + " buckets; at most "
              + MAX_BUCKETS
              + " are allowed: choose a coarser granularity or leave it out");
    }
    int span =
        spans.stream()
            .filter(seconds -> granularity.toSeconds() % seconds == 0)
            .max(Integer::compare)
            .orElseThrow();
    return new BucketPlan(granularity, range, grid.windows(range), span);
  }

  private static Duration defaultGranularity(TimeRange requested, WindowGrid windows) {
    for (Duration candidate : CANDIDATES) {
      if (windows.divides(candidate)) {
        TimeRange aligned = new WindowGrid(candidate).alignOutward(requested);
        if (aligned.length().toSeconds() / candidate.toSeconds() <= DEFAULT_MAX_BUCKETS) {
          return candidate;
        }
      }
    }
    return CANDIDATES.get(CANDIDATES.size() - 1);
  }

  /** The bucket length in words, e.g. {@code 1h}. */
  String describe() {
    return new WindowGrid(granularity).describe();
  }

  /** The sum of the counters of the windows starting in {@code bucket}. */
  static WindowCounts sum(NavigableMap<Instant, WindowCounts> windows, TimeRange bucket) {
    WindowCounts total = WindowCounts.ZERO;
    for (Map.Entry<Instant, WindowCounts> window :
        windows.subMap(bucket.from(), true, bucket.to(), false).entrySet()) {
      total = total.plus(window.getValue());
    }
    return total;
  }
}
