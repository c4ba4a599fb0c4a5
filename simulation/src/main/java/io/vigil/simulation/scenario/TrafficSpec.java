package io.vigil.simulation.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * How a scenario's model is served and watched.
 *
 * @param warmup healthy traffic before the run proper; its labelled data trains the model and its
 *     served traffic becomes the drift baseline, > 0
 * @param duration how long the run lasts after the warm-up, > 0; fault onsets count from its start
 * @param window the profile window, and the step in which the run advances and the agent looks, > 0
 * @param requestsPerMinute requests served per simulated minute, >= 1
 * @param labelDelay how long after a request its label arrives, >= 0
 * @param labelShare the share of requests ever labelled, in [0, 1]
 * @param accuracyTarget the model's accuracy SLO, in (0, 1]
 */
public record TrafficSpec(
    Duration warmup,
    Duration duration,
    Duration window,
    int requestsPerMinute,
    Duration labelDelay,
    double labelShare,
    double accuracyTarget) {

  public TrafficSpec {
    requirePositive("warmup", warmup);
    requirePositive("duration", duration);
    requirePositive("window", window);
    Objects.requireNonNull(labelDelay, "labelDelay");
    if (labelDelay.isNegative()) {
      throw new IllegalArgumentException("the label delay must be >= 0, was " + labelDelay);
    }
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requests per minute must be >= 1");
    }
    if (!(labelShare >= 0 && labelShare <= 1)) {
      throw new IllegalArgumentException("the label share must be in [0, 1], was " + labelShare);
    }
    if (!(accuracyTarget > 0 && accuracyTarget <= 1)) {
      throw new IllegalArgumentException(
          "the accuracy target must be in (0, 1], was " + accuracyTarget);
    }
  }

  /** How many windows the run proper lasts (a partial last window counts). */
  public int windows() {
    return (int) ((duration.toMillis() + window.toMillis() - 1) / window.toMillis());
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("the " + name + " must be > 0, was " + value);
    }
  }
}
