package io.vigil.agent.investigate;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.query.WindowGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The windows an investigation reads: the trigger's window ({@code current}) and a window of the
 * same length just before the onset ({@code reference}), at least {@link #MIN_REFERENCE} long so
 * that its figures rest on enough records; both aligned to the services' profile windows.
 */
record InvestigationWindows(TimeRange current, TimeRange reference) {

  /** A reference shorter than this holds too few labelled records to compare accuracies. */
  static final Duration MIN_REFERENCE = Duration.ofHours(1);

  InvestigationWindows {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(reference, "reference");
  }

  /**
   * The trigger's window aligned outward to whole profile windows of {@code alignment}, and the
   * reference of the same length (at least {@link #MIN_REFERENCE}, rounded up to whole windows)
   * just before it.
   */
  static InvestigationWindows around(TimeRange trigger, Duration alignment) {
    WindowGrid grid = new WindowGrid(alignment);
    TimeRange current = grid.alignOutward(trigger);
    Duration length =
        current.length().compareTo(MIN_REFERENCE) < 0 ? MIN_REFERENCE : current.length();
    Instant from = grid.floor(current.from().minus(length));
    return new InvestigationWindows(current, new TimeRange(from, current.from()));
  }

  Instant onset() {
    return current.from();
  }

  /** Both windows together, from the reference's start to the current window's end. */
  TimeRange span() {
    return new TimeRange(reference.from(), current.to());
  }

  TimeWindow currentWindow() {
    return new TimeWindow.Absolute(current);
  }

  TimeWindow referenceWindow() {
    return new TimeWindow.Absolute(reference);
  }

  TimeWindow spanWindow() {
    return new TimeWindow.Absolute(span());
  }
}
