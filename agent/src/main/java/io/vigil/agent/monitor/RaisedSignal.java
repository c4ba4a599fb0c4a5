package io.vigil.agent.monitor;

import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import java.util.Objects;

/**
 * A signal that fires for a model, ready to become an incident's trigger.
 *
 * @param kind which signal
 * @param window the absolute window it was computed over
 * @param observed the figure seen
 * @param threshold the figure it crossed
 * @param detail what was seen, in a sentence
 */
public record RaisedSignal(
    SignalKind kind, TimeRange window, double observed, double threshold, String detail) {

  public RaisedSignal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * How urgent this signal is: a broken SLO before errors, before latency, before a pipeline or
   * serving fault seen in the newest windows, before drift.
   */
  int severity() {
    return severity(kind);
  }

  /** The severity of a signal of {@code kind}. */
  static int severity(SignalKind kind) {
    return switch (kind) {
      case ACCURACY_SLO -> 9;
      case ERROR_RATE -> 8;
      case LATENCY -> 7;
      case MISSING_VALUES -> 6;
      case PREDICTION_DRIFT -> 5;
      case ESTIMATED_ACCURACY_SLO -> 4;
      case SUDDEN_DRIFT -> 3;
      case DRIFT_ACCELERATION -> 2;
      case DRIFT -> 1;
      case ON_DEMAND -> 0;
    };
  }

  public Trigger trigger() {
    return new Trigger(kind, window, observed, threshold, detail);
  }
}
