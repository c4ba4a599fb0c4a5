package io.vigil.tools.health;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The 95th-percentile serving latency over the last 24 hours against the 24 hours before, every
 * version together.
 *
 * @param state raised when p95 grew by at least the health service's ratio
 * @param currentP95Ms p95 over the last 24 hours, in milliseconds
 * @param previousP95Ms p95 over the 24 hours before, in milliseconds
 * @param currentMeasured records with a latency in the last 24 hours
 * @param previousMeasured records with a latency in the 24 hours before
 * @param note the comparison in words
 */
public record LatencySignal(
    SignalState state,
    OptionalDouble currentP95Ms,
    OptionalDouble previousP95Ms,
    long currentMeasured,
    long previousMeasured,
    String note) {

  public LatencySignal {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(currentP95Ms, "currentP95Ms");
    Objects.requireNonNull(previousP95Ms, "previousP95Ms");
    Objects.requireNonNull(note, "note");
  }
}
