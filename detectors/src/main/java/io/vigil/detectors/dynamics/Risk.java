package io.vigil.detectors.dynamics;

/**
 * How close a tracked score is to its alarm, from calm to alarmed; see {@link ScoreDynamics} for
 * the rule that assigns it. The constants are declared in increasing order of severity, so {@code
 * risk.compareTo(Risk.WARNING) >= 0} asks "at least a warning".
 */
public enum Risk {
  /** The level is within its noise band around the baseline. */
  STABLE,
  /** Weak evidence of movement toward the alarm: worth a look, not an action. */
  WATCH,
  /** The level is significantly off its baseline and heading for the alarm threshold. */
  WARNING,
  /** The alarm threshold is crossed, or the score jumped far beyond its noise in one window. */
  CRITICAL
}
