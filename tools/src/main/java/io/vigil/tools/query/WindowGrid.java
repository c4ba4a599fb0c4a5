package io.vigil.tools.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The grid of fixed-length windows, counted from the epoch, that stored counters and profiles are
 * kept at: answers read whole windows, so a requested range is widened to the windows it touches
 * and the answer states the widened range.
 *
 * @param step the window length, whole seconds
 */
public record WindowGrid(Duration step) {

  public WindowGrid {
    Objects.requireNonNull(step, "step");
    if (step.isNegative() || step.isZero() || step.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("a window grid needs a whole-second step, was " + step);
    }
  }

  /** The start of the window holding {@code instant}. */
  public Instant floor(Instant instant) {
    long seconds = step.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
  }

  /** The first window start at or after {@code instant}. */
  public Instant ceiling(Instant instant) {
    Instant floor = floor(instant);
    return floor.equals(instant) ? floor : floor.plus(step);
  }

  /** {@code range} widened to whole windows: from the start of its first to the end of its last. */
  public TimeRange alignOutward(TimeRange range) {
    return new TimeRange(floor(range.from()), ceiling(range.to()));
  }

  /** Whether {@code length} is a whole number of windows. */
  public boolean divides(Duration length) {
    return !length.isNegative() && !length.isZero() && length.toMillis() % step.toMillis() == 0;
  }

  /** The consecutive windows of an aligned range, oldest first. */
  public List<TimeRange> windows(TimeRange aligned) {
    if (!floor(aligned.from()).equals(aligned.from())
        || !floor(aligned.to()).equals(aligned.to())) {
      throw new IllegalArgumentException(aligned + " is not aligned to " + step + " windows");
    }
    List<TimeRange> windows = new ArrayList<>();
    for (Instant start = aligned.from(); start.isBefore(aligned.to()); start = start.plus(step)) {
      windows.add(new TimeRange(start, start.plus(step)));
    }
    return windows;
  }

  /** The step in words, e.g. {@code 5m}, {@code 1h}, {@code 1d}. */
  public String describe() {
    return DurationText.of(step);
  }

  /** Durations as people write them. */
  static final class DurationText {

    private DurationText() {}

    static String of(Duration duration) {
      long seconds = duration.toSeconds();
      if (seconds % 86_400 == 0) {
        return seconds / 86_400 + "d";
      }
      if (seconds % 3_600 == 0) {
        return seconds / 3_600 + "h";
      }
      if (seconds % 60 == 0) {
        return seconds / 60 + "m";
      }
      return seconds + "s";
    }
  }
}
