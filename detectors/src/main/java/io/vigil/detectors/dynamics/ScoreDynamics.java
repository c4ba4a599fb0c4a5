package io.vigil.detectors.dynamics;

import java.util.Objects;

/**
 * An early warning for any score tracked over windows (a drift statistic, the share of drifted
 * features, an error rate, an estimated accuracy, a latency percentile): how a configured tracker
 * smooths the score, calibrates its thresholds and assigns a {@link Risk}. This object is
 * immutable; {@link #newMonitor()} and {@link #calibrate(double[])} create the {@link ScoreMonitor}
 * accumulators that hold a series' state.
 *
 * <p><b>Smoother.</b> A causal local polynomial (Savitzky–Golay) fit over the last {@code w}
 * windows, evaluated at the newest one: level and velocity from the least-squares line,
 * acceleration from the least-squares parabola (see {@link LocalPolynomialFit}). It is chosen over
 * Holt's double-exponential smoothing because each estimate is a fixed linear filter {@code Σ
 * h_i·y_i} with a known noise gain {@code ‖h‖₂}: white noise of standard deviation {@code σ} gives
 * the level, velocity and acceleration standard deviations {@code σ_L, σ_V, σ_A = σ·‖h‖₂}, so a
 * {@code z}-threshold on each has a known false-alarm rate. Holt gives level and trend but no
 * acceleration, and its gains depend on two smoothing constants that trade lag for noise less
 * transparently; its memory is also unbounded, while a fit over {@code w} windows forgets the past
 * exactly. The cost is {@code O(w)} per window and {@code O(w)} state.
 *
 * <p><b>Calibration.</b> On the reference period ({@link #calibrate(double[])}, or the first {@code
 * N} scores a {@link #newMonitor()} accepts) the baseline {@code μ} (median) and the noise {@code
 * σ} (outlier-trimmed standard deviation of first differences) are estimated, see {@link
 * NoiseCalibration}. The level's noise band adds the baseline's own uncertainty: {@code σ_band =
 * σ·√(‖h_L‖² + π/(2N))} ({@code πσ²/(2N)} is the variance of a median of {@code N} normal scores).
 * The one-window jump is the new score minus the previous line's one-step forecast, with {@code σ_J
 * = σ·√(1 + ‖h_L + h_V‖²)}.
 *
 * <p><b>Risk rule</b>, with every quantity oriented so that positive means "worse" ({@link
 * Direction}) and {@code T} the alarm threshold; the first rule that holds wins:
 *
 * <ol>
 *   <li>{@link Risk#CRITICAL} if the score or the level is at or beyond {@code T} (the plain
 *       alarm), or the jump exceeds {@code 5·σ_J} (a step);
 *   <li>{@link Risk#WARNING} if the level is above its band, {@code L − μ > 3·σ_band}, and either
 *       the velocity is significant, {@code V > 2·σ_V}, with the projected crossing {@code (T −
 *       L)/V} within the horizon {@code H}, or the acceleration is significant, {@code A >
 *       3.5·σ_A};
 *   <li>{@link Risk#WATCH} if {@code L − μ > 2·σ_band}, or {@code V > 2·σ_V} with the crossing
 *       within {@code H};
 *   <li>{@link Risk#STABLE} otherwise.
 * </ol>
 *
 * <p>The warning requires the level band at {@code z = 3} because the level and the velocity at the
 * end of a line fit are strongly correlated (0.85 for {@code w = 15}), so the velocity condition
 * removes few false warnings by itself; the band alone has a one-sided rate of 0.13% per window,
 * and the conjunctions bring the measured rate on stationary Gaussian noise to about 0.5 per 1,000
 * windows with the defaults (see {@code EarlyWarningTest}). The jump limit of 5 keeps false
 * criticals at 3·10⁻⁷ per window for Gaussian noise (3·10⁻⁵ if the noise is underestimated by a
 * fifth), while a step of 10 noise SDs clears it almost surely.
 */
public final class ScoreDynamics {

  /** Which way the score goes bad. */
  public enum Direction {
    /** Larger is worse: drift statistics, error rates, latency. */
    HIGHER_IS_WORSE,
    /** Smaller is worse: accuracy, precision, throughput. */
    LOWER_IS_WORSE
  }

  /** Default fit length: long enough for a velocity gain of 0.06, short enough to follow a ramp. */
  public static final int DEFAULT_WINDOW = 15;

  /** Default horizon: a crossing projected within 20 windows is "within reach". */
  public static final double DEFAULT_HORIZON = 20;

  /**
   * Default reference period: 50 windows estimate the noise to within about 12% (one standard
   * deviation over 49 correlated differences), which keeps the false-warning rate near its nominal
   * value.
   */
  public static final int DEFAULT_CALIBRATION_WINDOWS = 50;

  /** The shortest fit with an acceleration: a parabola needs three windows. */
  static final int MIN_WINDOW = 3;

  private final double alarmThreshold;
  private final Direction direction;
  private final int window;
  private final double horizon;
  private final int calibrationWindows;

  private ScoreDynamics(
      double alarmThreshold,
      Direction direction,
      int window,
      double horizon,
      int calibrationWindows) {
    this.alarmThreshold = alarmThreshold;
    this.direction = direction;
    this.window = window;
    this.horizon = horizon;
    this.calibrationWindows = calibrationWindows;
  }

  /**
   * A tracker that alarms when the score reaches {@code alarmThreshold}, with {@link
   * Direction#HIGHER_IS_WORSE}, a fit over {@value #DEFAULT_WINDOW} windows, a horizon of 20
   * windows and {@value #DEFAULT_CALIBRATION_WINDOWS} calibration windows.
   *
   * @throws IllegalArgumentException if the threshold is NaN or infinite
   */
  public static ScoreDynamics withAlarmThreshold(double alarmThreshold) {
    if (!Double.isFinite(alarmThreshold)) {
      throw new IllegalArgumentException("alarm threshold must be finite, was " + alarmThreshold);
    }
    return new ScoreDynamics(
        alarmThreshold,
        Direction.HIGHER_IS_WORSE,
        DEFAULT_WINDOW,
        DEFAULT_HORIZON,
        DEFAULT_CALIBRATION_WINDOWS);
  }

  /**
   * Returns a tracker for scores that go bad in {@code direction}; this instance is unchanged.
   *
   * @throws NullPointerException if {@code direction} is null
   */
  public ScoreDynamics with(Direction direction) {
    return new ScoreDynamics(
        alarmThreshold,
        Objects.requireNonNull(direction, "direction"),
        window,
        horizon,
        calibrationWindows);
  }

  /**
   * Returns a tracker that fits over the last {@code windows} windows: longer is smoother but
   * slower to follow a change.
   *
   * @throws IllegalArgumentException if {@code windows < 3}
   */
  public ScoreDynamics withWindow(int windows) {
    if (windows < MIN_WINDOW) {
      throw new IllegalArgumentException(
          "window must be at least " + MIN_WINDOW + " windows, was " + windows);
    }
    return new ScoreDynamics(alarmThreshold, direction, windows, horizon, calibrationWindows);
  }

  /**
   * Returns a tracker that warns when the crossing is projected within {@code windows} windows.
   *
   * @throws IllegalArgumentException if {@code windows} is not finite and positive
   */
  public ScoreDynamics withHorizon(double windows) {
    if (!(windows > 0) || Double.isInfinite(windows)) {
      throw new IllegalArgumentException("horizon must be finite and > 0, was " + windows);
    }
    return new ScoreDynamics(alarmThreshold, direction, window, windows, calibrationWindows);
  }

  /**
   * Returns a tracker whose {@link #newMonitor()} calibrates on its first {@code windows} scores,
   * which must be at least the fit's {@link #window()} when the monitor is created.
   *
   * @throws IllegalArgumentException if {@code windows < 3}
   */
  public ScoreDynamics withCalibrationWindows(int windows) {
    if (windows < NoiseCalibration.MIN_REFERENCE_WINDOWS) {
      throw new IllegalArgumentException(
          "calibration needs at least "
              + NoiseCalibration.MIN_REFERENCE_WINDOWS
              + " windows, was "
              + windows);
    }
    return new ScoreDynamics(alarmThreshold, direction, window, horizon, windows);
  }

  /**
   * A monitor that calibrates on its first {@link #calibrationWindows()} scores.
   *
   * @throws IllegalStateException if the calibration windows are fewer than the fit's window
   */
  public ScoreMonitor newMonitor() {
    if (calibrationWindows < window) {
      throw new IllegalStateException(
          "calibration windows ("
              + calibrationWindows
              + ") must be at least the fit's window ("
              + window
              + ")");
    }
    return new ScoreMonitor(this);
  }

  /**
   * A monitor calibrated on {@code referenceScores} (oldest first, not modified); the fit starts
   * from their last {@link #window()} scores, so the first accepted score is fully assessed.
   *
   * @throws IllegalArgumentException if there are fewer scores than {@link #window()}, a score is
   *     not finite (the message names its index), or they are constant
   */
  public ScoreMonitor calibrate(double[] referenceScores) {
    if (referenceScores == null || referenceScores.length < window) {
      throw new IllegalArgumentException(
          "calibration needs at least the fit's "
              + window
              + " windows of reference scores, was "
              + (referenceScores == null ? 0 : referenceScores.length));
    }
    return new ScoreMonitor(this, referenceScores);
  }

  public double alarmThreshold() {
    return alarmThreshold;
  }

  public Direction direction() {
    return direction;
  }

  /** The number of windows the local fit spans. */
  public int window() {
    return window;
  }

  /** The horizon, in windows, of a projected crossing that counts as within reach. */
  public double horizon() {
    return horizon;
  }

  /** The number of scores {@link #newMonitor()} uses as its reference period. */
  public int calibrationWindows() {
    return calibrationWindows;
  }
}
