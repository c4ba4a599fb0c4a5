package io.vigil.detectors.dynamics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The state of a tracked score after one window, as {@link ScoreMonitor#accept(double)} returns it.
 * Level, velocity and acceleration are in the score's own units (per window), whatever the {@link
 * ScoreDynamics.Direction}.
 *
 * @param window the window's index, from 0 for the first score the monitor accepted
 * @param phase whether the monitor was still calibrating on its reference period
 * @param score the raw score of this window
 * @param level the smoothed score at this window
 * @param velocity the smoothed change per window
 * @param acceleration the smoothed change of the velocity per window
 * @param risk how close the score is to its alarm
 * @param windowsToAlarm windows until the level reaches the alarm threshold at the current
 *     velocity: 0 when it already has, empty when the level is not moving toward it (or while
 *     calibrating)
 * @param reason why this risk, in words
 */
public record Dynamics(
    long window,
    Phase phase,
    double score,
    double level,
    double velocity,
    double acceleration,
    Risk risk,
    OptionalDouble windowsToAlarm,
    String reason) {

  /** Whether the thresholds were already calibrated when the window was assessed. */
  public enum Phase {
    /** Part of the reference period: only the plain alarm threshold is checked. */
    CALIBRATING,
    /** After calibration: the full risk rule applies. */
    MONITORING
  }

  /**
   * @throws IllegalArgumentException if the window is negative, a value is not finite, the
   *     projection is negative or not finite, or the reason is blank
   * @throws NullPointerException if phase, risk, projection or reason is null
   */
  public Dynamics {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(windowsToAlarm, "windowsToAlarm");
    Objects.requireNonNull(reason, "reason");
    if (window < 0) {
      throw new IllegalArgumentException("window must be >= 0, was " + window);
    }
    requireFinite(score, "score");
    requireFinite(level, "level");
    requireFinite(velocity, "velocity");
    requireFinite(acceleration, "acceleration");
    if (windowsToAlarm.isPresent()
        && !(windowsToAlarm.getAsDouble() >= 0 && Double.isFinite(windowsToAlarm.getAsDouble()))) {
      throw new IllegalArgumentException(
          "windowsToAlarm must be finite and >= 0, was " + windowsToAlarm.getAsDouble());
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /** Whether the risk is {@link Risk#WARNING} or {@link Risk#CRITICAL}. */
  public boolean warns() {
    return risk.compareTo(Risk.WARNING) >= 0;
  }

  private static void requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }
}
