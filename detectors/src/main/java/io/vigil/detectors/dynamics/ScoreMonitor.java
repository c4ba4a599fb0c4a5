package io.vigil.detectors.dynamics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The state of one tracked score: an accumulator that {@link #accept(double) accepts} one score per
 * window, oldest first, and returns the score's {@link Dynamics}. Created by {@link
 * ScoreDynamics#newMonitor()} (calibrating on its first scores) or {@link
 * ScoreDynamics#calibrate(double[])} (calibrated up front); see {@link ScoreDynamics} for the
 * smoother, the calibration and the risk rule.
 *
 * <p>There is no {@code combine}: the dynamics of a series depend on the order of its windows, so
 * two monitors' states cannot be merged. Not thread-safe. Each window costs {@code O(w)} time; the
 * state is {@code O(w)} after calibration.
 */
public final class ScoreMonitor {

  private final ScoreDynamics config;
  private final LocalPolynomialFit fit;

  /** The newest {@code w} scores, oldest first; only the last {@code filled} are valid. */
  private final double[] recent;

  private int filled;
  private long windows;

  /** The scores of the reference period so far; null once calibrated. */
  private double[] reference;

  private int referenceCount;
  private NoiseCalibration calibration;
  private RiskRule rule;

  /** A monitor that calibrates on its first {@link ScoreDynamics#calibrationWindows()} scores. */
  ScoreMonitor(ScoreDynamics config) {
    this.config = config;
    this.fit = LocalPolynomialFit.over(config.window());
    this.recent = new double[config.window()];
    this.reference = new double[config.calibrationWindows()];
  }

  /** A monitor calibrated on {@code referenceScores}, at least {@code w} of them. */
  ScoreMonitor(ScoreDynamics config, double[] referenceScores) {
    this.config = config;
    this.fit = LocalPolynomialFit.over(config.window());
    this.recent = new double[config.window()];
    calibrateOn(referenceScores);
    int w = recent.length;
    System.arraycopy(referenceScores, referenceScores.length - w, recent, 0, w);
    this.filled = w;
  }

  /**
   * Adds the next window's score and returns its dynamics. While calibrating, only the plain alarm
   * is checked ({@link Risk#CRITICAL} at or beyond the threshold, else {@link Risk#STABLE}); the
   * score that completes the reference period calibrates the monitor.
   *
   * @throws IllegalArgumentException if {@code score} is NaN or infinite (the message names the
   *     window), or if it completes a reference period whose scores are constant, so that no noise
   *     can be measured; the monitor then starts a new reference period
   */
  public Dynamics accept(double score) {
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException(
          "score at window " + windows + " is " + score + " (must be finite)");
    }
    return rule == null ? acceptWhileCalibrating(score) : acceptWhileMonitoring(score);
  }

  /** The calibration in force, empty while the reference period lasts. */
  public Optional<NoiseCalibration> calibration() {
    return Optional.ofNullable(calibration);
  }

  /** The number of scores accepted so far (the reference scores given to calibrate excluded). */
  public long windows() {
    return windows;
  }

  private Dynamics acceptWhileCalibrating(double score) {
    push(score);
    reference[referenceCount++] = score;
    double[] scores = Arrays.copyOfRange(recent, recent.length - filled, recent.length);
    LocalPolynomialFit partial = filled == recent.length ? fit : LocalPolynomialFit.over(filled);
    RiskRule.Assessment assessment = RiskRule.whileCalibrating(config, score, referenceCount);
    Dynamics dynamics = dynamics(Dynamics.Phase.CALIBRATING, score, partial, scores, assessment);
    if (referenceCount == reference.length) {
      double[] completed = reference;
      referenceCount = 0;
      calibrateOn(completed);
      reference = null;
    }
    return dynamics;
  }

  private Dynamics acceptWhileMonitoring(double score) {
    double forecast = fit.level(recent) + fit.velocity(recent);
    push(score);
    RiskRule.Assessment assessment =
        rule.assess(
            score, forecast, fit.level(recent), fit.velocity(recent), fit.acceleration(recent));
    return dynamics(Dynamics.Phase.MONITORING, score, fit, recent, assessment);
  }

  private Dynamics dynamics(
      Dynamics.Phase phase,
      double score,
      LocalPolynomialFit over,
      double[] scores,
      RiskRule.Assessment assessment) {
    return new Dynamics(
        windows++,
        phase,
        score,
        over.level(scores),
        over.velocity(scores),
        over.acceleration(scores),
        assessment.risk(),
        assessment.windowsToAlarm(),
        assessment.reason());
  }

  private void calibrateOn(double[] referenceScores) {
    calibration = NoiseCalibration.fromReference(referenceScores);
    rule = new RiskRule(config, calibration, fit);
  }

  /** Appends {@code score} as the newest of the recent scores, dropping the oldest when full. */
  private void push(double score) {
    System.arraycopy(recent, 1, recent, 0, recent.length - 1);
    recent[recent.length - 1] = score;
    filled = Math.min(filled + 1, recent.length);
  }
}
