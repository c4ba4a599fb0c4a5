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

  /** How urgent this signal is: a broken SLO before errors, before latency, before drift. */
  int severity() {
    return switch (kind) {
      case ACCURACY_SLO -> 6;
      case ERROR_RATE -> 5;
      case LATENCY -> 4;
      case ESTIMATED_ACCURACY_SLO -> 3;
      case DRIFT_ACCELERATION -> 2;
      case DRIFT -> 1;
      case ON_DEMAND -> 0;
    };
  }

  public Trigger trigger() {
    return new Trigger(kind, window, observed, threshold, detail);
  }
}
