package io.vigil.detectors.dynamics;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The risk rule of {@link ScoreDynamics}, with its thresholds fixed by one calibration. Every
 * quantity is first multiplied by the direction's sign, so that positive always means "worse".
 */
final class RiskRule {

  /** A one-window jump beyond this many {@code σ_J} is a step: false rate 3·10⁻⁷ per window. */
  static final double JUMP_LIMIT = 5;

  /** Level band for a warning: 0.13% one-sided per window before the other conditions. */
  static final double WARNING_BAND = 3;

  /** Level band for a watch: 2.3% one-sided per window, weak evidence by design. */
  static final double WATCH_BAND = 2;

  /** A velocity beyond this many {@code σ_V} is significantly toward the alarm. */
  static final double VELOCITY_SIGNIFICANCE = 2;

  /**
   * An acceleration beyond this many {@code σ_A} is significant; stricter than the velocity's
   * because curvature estimates are noisier relative to the changes that matter.
   */
  static final double ACCELERATION_SIGNIFICANCE = 3.5;

  /** The risk of one window, what the projection says, and why. */
  record Assessment(Risk risk, OptionalDouble windowsToAlarm, String reason) {}

  private final double threshold;
  private final double sign;
  private final double baseline;
  private final double horizon;
  private final double bandDeviation;
  private final double velocityDeviation;
  private final double accelerationDeviation;
  private final double jumpDeviation;

  RiskRule(ScoreDynamics config, NoiseCalibration calibration, LocalPolynomialFit fit) {
    this.threshold = config.alarmThreshold();
    this.sign = sign(config.direction());
    this.baseline = calibration.baseline();
    this.horizon = config.horizon();
    double noise = calibration.noise();
    double levelGain = fit.levelGain();
    double baselineVariance = Math.PI / (2.0 * calibration.referenceWindows());
    this.bandDeviation = noise * Math.sqrt(levelGain * levelGain + baselineVariance);
    this.velocityDeviation = noise * fit.velocityGain();
    this.accelerationDeviation = noise * fit.accelerationGain();
    this.jumpDeviation = noise * fit.forecastErrorGain();
  }

  /**
   * The assessment while calibrating, when no noise is known yet: only the plain alarm.
   *
   * @param done how many reference windows have been seen, this one included
   */
  static Assessment whileCalibrating(ScoreDynamics config, double score, int done) {
    String progress = "calibrating (" + done + " of " + config.calibrationWindows() + " windows)";
    if (sign(config.direction()) * (score - config.alarmThreshold()) >= 0) {
      return new Assessment(
          Risk.CRITICAL,
          OptionalDouble.empty(),
          format(
                  "score %.4g is at or beyond the alarm threshold %.4g; ",
                  score, config.alarmThreshold())
              + progress);
    }
    return new Assessment(Risk.STABLE, OptionalDouble.empty(), progress);
  }

  /**
   * Assesses one window.
   *
   * @param forecast the previous window's line extrapolated to this one
   */
  Assessment assess(
      double score, double forecast, double level, double velocity, double acceleration) {
    OptionalDouble windowsToAlarm = windowsToAlarm(level, velocity);
    Assessment critical = criticalOrNull(score, forecast, level, windowsToAlarm);
    return critical != null ? critical : trend(level, velocity, acceleration, windowsToAlarm);
  }

  /** Rule 1: the plain alarm, a step, or the level across the threshold; null if none holds. */
  private Assessment criticalOrNull(
      double score, double forecast, double level, OptionalDouble windowsToAlarm) {
    if (sign * (score - threshold) >= 0) {
      return critical(windowsToAlarm, "score %.4g is at or beyond the alarm threshold %.4g", score);
    }
    double jump = sign * (score - forecast) / jumpDeviation;
    if (jump > JUMP_LIMIT) {
      return critical(
          windowsToAlarm, "score jumped %.1f noise SDs beyond its forecast in one window", jump);
    }
    if (sign * (level - threshold) >= 0) {
      return critical(windowsToAlarm, "level %.4g is at or beyond the alarm threshold %.4g", level);
    }
    return null;
  }

  /** Rules 2 to 4: warning, watch or stable, from the level's excess and its motion. */
  private Assessment trend(
      double level, double velocity, double acceleration, OptionalDouble windowsToAlarm) {
    double excess = sign * (level - baseline) / bandDeviation;
    double rising = sign * velocity / velocityDeviation;
    double accelerating = sign * acceleration / accelerationDeviation;
    boolean withinReach =
        rising > VELOCITY_SIGNIFICANCE && windowsToAlarm.orElse(Double.MAX_VALUE) <= horizon;
    String motion =
        format(
            "level %.1f SDs off baseline, velocity %.1f SDs, acceleration %.1f SDs",
            excess, rising, accelerating);
    if (excess > WARNING_BAND && withinReach) {
      return new Assessment(
          Risk.WARNING,
          windowsToAlarm,
          motion
              + format(
                  ": crossing projected in %.1f windows at the current velocity",
                  windowsToAlarm.getAsDouble()));
    }
    if (excess > WARNING_BAND && accelerating > ACCELERATION_SIGNIFICANCE) {
      return new Assessment(
          Risk.WARNING, windowsToAlarm, motion + ": accelerating toward the threshold");
    }
    if (excess > WATCH_BAND || withinReach) {
      return new Assessment(Risk.WATCH, windowsToAlarm, motion + ": drifting toward the threshold");
    }
    return new Assessment(Risk.STABLE, windowsToAlarm, motion + ": within the noise band");
  }

  /** {@code (T − L)/V} when the level moves toward the threshold, 0 once it is there. */
  private OptionalDouble windowsToAlarm(double level, double velocity) {
    double gap = sign * (threshold - level);
    if (gap <= 0) {
      return OptionalDouble.of(0);
    }
    double approach = sign * velocity;
    double windows = gap / approach;
    // A velocity too small to divide by (or away from the threshold) projects no crossing.
    return approach > 0 && Double.isFinite(windows)
        ? OptionalDouble.of(windows)
        : OptionalDouble.empty();
  }

  private Assessment critical(OptionalDouble windowsToAlarm, String pattern, double value) {
    return new Assessment(Risk.CRITICAL, windowsToAlarm, format(pattern, value, threshold));
  }

  private static double sign(ScoreDynamics.Direction direction) {
    return direction == ScoreDynamics.Direction.HIGHER_IS_WORSE ? 1 : -1;
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
