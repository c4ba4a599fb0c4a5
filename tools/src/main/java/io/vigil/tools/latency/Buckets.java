package io.vigil.tools.latency;

import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The buckets of a latency report: their length (a multiple of the profile window, aligned to the
 * epoch like the windows), the range widened to whole buckets, and the stored profile span that
 * tiles them.
 */
record Buckets(TimeRange range, Duration granularity, Duration profileSpan) {

  /**
   * @throws IllegalArgumentException if the granularity is not a positive multiple of the profile
   *     window, or gives more than {@link LatencyService#MAX_BUCKETS} buckets
   */
  static Buckets of(TimeRange resolved, Optional<Duration> asked, IngestSettings ingest) {
    Duration window = ingest.window();
    Duration granularity = asked.orElseGet(() -> defaultGranularity(resolved, ingest));
    if (granularity.isNegative()
        || granularity.isZero()
        || granularity.toMillis() % window.toMillis() != 0) {
      throw new IllegalArgumentException(
          "granularity must be a multiple of the "
              + window.toMinutes()
              + "-minute profile window (e.g. "
              + window.toMinutes()
              + "m, 1h or 1d), was "
              + granularity);
    }
    TimeRange range = aligned(resolved, granularity);
    long count = range.length().toSeconds() / granularity.toSeconds();
    if (count > LatencyService.MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "granularity "
              + granularity
              + " gives "
              + count
              + " buckets over "
              + range
              + "; at most "
              + LatencyService.MAX_BUCKETS
              + " are allowed, so choose a coarser one or a shorter window");
    }
    long span = 0;
    for (int candidate : ingest.profileSpans()) {
      if (granularity.toSeconds() % candidate == 0) {
        span = Math.max(span, candidate);
      }
    }
    return new Buckets(range, granularity, Duration.ofSeconds(span));
  }

  /** The shortest stored span that gives at most the target count of buckets (else the longest). */
  private static Duration defaultGranularity(TimeRange range, IngestSettings ingest) {
    List<Integer> spans = ingest.profileSpans();
    for (int span : spans) {
      Duration candidate = Duration.ofSeconds(span);
      long count = aligned(range, candidate).length().toSeconds() / span;
      if (count <= LatencyService.TARGET_BUCKETS) {
        return candidate;
      }
    }
    return Duration.ofSeconds(spans.get(spans.size() - 1));
  }

  private static TimeRange aligned(TimeRange range, Duration granularity) {
    long seconds = granularity.toSeconds();
    long from = Math.floorDiv(range.from().getEpochSecond(), seconds) * seconds;
    Instant to = range.to();
    long toFloor = Math.floorDiv(to.getEpochSecond(), seconds) * seconds;
    boolean onBoundary = toFloor == to.getEpochSecond() && to.getNano() == 0;
    return new TimeRange(
        Instant.ofEpochSecond(from),
        Instant.ofEpochSecond(onBoundary ? toFloor : toFloor + seconds));
  }

  /** The start of the bucket holding {@code instant}. */
  Instant startOf(Instant instant) {
    long seconds = granularity.toSeconds();
    long offset = Math.floorDiv(instant.getEpochSecond() - range.from().getEpochSecond(), seconds);
    return range.from().plusSeconds(offset * seconds);
  }

  List<Instant> starts() {
    List<Instant> starts = new ArrayList<>();
    for (Instant at = range.from(); at.isBefore(range.to()); at = at.plus(granularity)) {
      starts.add(at);
    }
    return starts;
  }
}
