package io.vigil.simulation.run;

import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.Shape;
import java.time.Instant;
import java.util.Objects;

/**
 * When one of a scenario's faults began: the only thing a run takes from the faults themselves.
 *
 * @param kind the fault's kind
 * @param shape sudden or a ramp
 * @param at the simulated time of its onset
 * @param window the window of the run proper its onset falls in
 */
public record Onset(FaultKind kind, Shape shape, Instant at, int window) {

  public Onset {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(at, "at");
    if (window < 0) {
      throw new IllegalArgumentException("an onset falls in a window >= 0, was " + window);
    }
  }
}
