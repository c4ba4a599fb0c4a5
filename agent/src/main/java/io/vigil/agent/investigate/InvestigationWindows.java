package io.vigil.agent.investigate;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The windows an investigation reads: the trigger's window ({@code current}) and a window of the
 * same length just before the onset ({@code reference}), at least {@link #MIN_REFERENCE} long so
 * that its figures rest on enough records.
 */
record InvestigationWindows(TimeRange current, TimeRange reference) {

  /** A reference shorter than this holds too few labelled records to compare accuracies. */
  static final Duration MIN_REFERENCE = Duration.ofHours(1);

  InvestigationWindows {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(reference, "reference");
  }

  static InvestigationWindows around(TimeRange trigger) {
    Duration length =
        trigger.length().compareTo(MIN_REFERENCE) < 0 ? MIN_REFERENCE : trigger.length();
    return new InvestigationWindows(
        trigger, new TimeRange(trigger.from().minus(length), trigger.from()));
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
