package io.vigil.simulation.fault;

import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How strongly a fault acts at a moment of its run: {@link FaultSpec#intensity} counted from the
 * run's start, and whether one request is among those it touches.
 *
 * @param spec the fault
 * @param runStart when the run proper started; onsets count from here
 */
record Strength(FaultSpec spec, Instant runStart) {

  Strength {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(runStart, "runStart");
  }

  /** The intensity at {@code at}, in [0, 1]: 0 before the onset, 1 once fully arrived. */
  double at(Instant at) {
    return spec.intensity(runStart, at);
  }

  /**
   * Whether the request at {@code at} is touched: with probability {@code share · intensity}, so a
   * ramp grows the touched share linearly. Always draws once from {@code random}, so whether it
   * draws does not depend on the time.
   */
  boolean touches(Instant at, SplittableRandom random) {
    return random.nextDouble() < spec.share() * at(at);
  }
}
