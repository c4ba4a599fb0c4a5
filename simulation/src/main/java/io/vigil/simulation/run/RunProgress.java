package io.vigil.simulation.run;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a run stands.
 *
 * @param window the window of the run proper being worked on, 0-based ({@code -1} before the run
 *     proper starts)
 * @param windows how many windows the run proper has
 * @param step what the run is doing
 * @param now the simulated time
 */
public record RunProgress(int window, int windows, RunStep step, Instant now) {

  public RunProgress {
    if (window < -1 || windows < 1 || window >= windows) {
      throw new IllegalArgumentException(
          "window " + window + " of " + windows + " is not a window of the run");
    }
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(now, "now");
  }
}
