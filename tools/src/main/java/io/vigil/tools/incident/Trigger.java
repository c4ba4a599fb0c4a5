package io.vigil.tools.incident;

import io.vigil.tools.query.TimeRange;
import java.util.Objects;

/**
 * What opened an incident: the signal, the window it was seen in, and the figure against its
 * threshold.
 *
 * @param signal the signal that fired
 * @param window the absolute window the signal was computed over
 * @param observed the figure seen (accuracy, risk score, latency in ms, error share)
 * @param threshold the figure it crossed; {@code NaN} for on-demand incidents
 * @param detail what was seen, in a sentence, e.g. "accuracy 0.81 below the 0.90 target"
 */
public record Trigger(
    SignalKind signal, TimeRange window, double observed, double threshold, String detail) {

  public Trigger {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(detail, "detail");
  }
}
