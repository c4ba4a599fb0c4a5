package io.vigil.tools.health;

import io.vigil.tools.drift.DriftStatus;
import java.util.List;
import java.util.Objects;

/**
 * Dataset drift of the active version over the last 24 hours, with the drift service's defaults.
 *
 * @param state raised on dataset drift
 * @param status the drift answer's status
 * @param driftedFeatures features that drifted
 * @param testedFeatures features tested
 * @param topFeatures the most drifted features, at most three
 * @param note the drift answer's summary
 */
public record DriftSignal(
    SignalState state,
    DriftStatus status,
    int driftedFeatures,
    int testedFeatures,
    List<String> topFeatures,
    String note) {

  public DriftSignal {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(status, "status");
    topFeatures = List.copyOf(topFeatures);
    Objects.requireNonNull(note, "note");
  }
}
