package io.vigil.detectors.streaming;

import java.util.Objects;

/**
 * The Page–Hinkley test (Page 1954), a cumulative-sum detector of a change in the mean: a
 * configuration, immutable, whose {@link #newDetector()} creates the accumulator.
 *
 * <p>With {@code x̄_t} the running mean of the observations since the last detection, the detector
 * keeps, for an increase,
 *
 * <pre>
 *   m_t = α · m_{t−1} + (x_t − x̄_t − δ),   M_t = min_{i ≤ t} m_i,   PH_t = m_t − M_t
 * </pre>
 *
 * <p>and symmetrically for a decrease with {@code (x̄_t − x_t − δ)}. It reports {@link
 * DriftSignal#DRIFT} when a watched {@code PH_t} exceeds {@code λ} after at least {@code
 * minInstances} observations, then restarts its statistics. {@code δ} is the magnitude of change
 * tolerated, {@code λ} the threshold, {@code α ≤ 1} a forgetting factor (1: none). Defaults are
 * River's: {@code δ = 0.005, λ = 50, α = 0.9999}, 30 instances, both directions.
 *
 * <p>For {@code α = 1} and a stationary stream with variance {@code σ²}, each one-sided statistic
 * is a reflected random walk with drift {@code −δ}; Siegmund's approximation of its mean time to
 * exceed {@code λ} is {@code (e^{2δλ/σ²} − 1 − 2δλ/σ²) · σ² / (2δ²)}, about 3,000 observations for
 * the defaults and {@code σ = 1}.
 *
 * <p>Reference: E. S. Page (1954), "Continuous inspection schemes", Biometrika 41(1/2), 100–115, <a
 * href="https://doi.org/10.1093/biomet/41.1-2.100">doi:10.1093/biomet/41.1-2.100</a>.
 */
public final class PageHinkley {

  /** Which changes of the mean the detector watches. */
  public enum Direction {
    /** Only an increase of the mean. */
    INCREASE,
    /** Only a decrease of the mean. */
    DECREASE,
    /** Both (two-sided). */
    BOTH
  }

  private static final PageHinkley DEFAULTS =
      new PageHinkley(0.005, 50, 0.9999, 30, Direction.BOTH);

  private final double delta;
  private final double threshold;
  private final double alpha;
  private final int minInstances;
  private final Direction direction;

  private PageHinkley(
      double delta, double threshold, double alpha, int minInstances, Direction direction) {
    this.delta = delta;
    this.threshold = threshold;
    this.alpha = alpha;
    this.minInstances = minInstances;
    this.direction = direction;
  }

  /** {@code δ = 0.005, λ = 50, α = 0.9999}, 30 instances, {@link Direction#BOTH}. */
  public static PageHinkley withDefaults() {
    return DEFAULTS;
  }

  /**
   * @throws IllegalArgumentException if {@code delta} is negative or not finite
   */
  public PageHinkley withDelta(double delta) {
    if (!(delta >= 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException("delta must be finite and >= 0, got " + delta);
    }
    return new PageHinkley(delta, threshold, alpha, minInstances, direction);
  }

  /**
   * @throws IllegalArgumentException if {@code threshold} ({@code λ}) is not finite and positive
   */
  public PageHinkley withThreshold(double threshold) {
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite and > 0, got " + threshold);
    }
    return new PageHinkley(delta, threshold, alpha, minInstances, direction);
  }

  /**
   * @throws IllegalArgumentException if {@code alpha} is not in (0, 1]
   */
  public PageHinkley withAlpha(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
    }
    return new PageHinkley(delta, threshold, alpha, minInstances, direction);
  }

  /**
   * @throws IllegalArgumentException if {@code minInstances} is below 1
   */
  public PageHinkley withMinInstances(int minInstances) {
    StreamValues.requireAtLeast(minInstances, 1, "minInstances");
    return new PageHinkley(delta, threshold, alpha, minInstances, direction);
  }

  /**
   * @throws NullPointerException if {@code direction} is null
   */
  public PageHinkley with(Direction direction) {
    Objects.requireNonNull(direction, "direction");
    return new PageHinkley(delta, threshold, alpha, minInstances, direction);
  }

  /** Creates a detector with this configuration and no observations. */
  public Detector newDetector() {
    return new Detector(this);
  }

  /**
   * A snapshot of a Page–Hinkley detector.
   *
   * @param observations values accepted
   * @param detections observations at which a drift was reported
   * @param mean the running mean since the last detection, 0 before any value
   * @param increaseStatistic {@code PH_t} for an increase, {@code ≥ 0}
   * @param decreaseStatistic {@code PH_t} for a decrease, {@code ≥ 0}
   */
  public record State(
      long observations,
      long detections,
      double mean,
      double increaseStatistic,
      double decreaseStatistic)
      implements DetectorState {

    /**
     * @throws IllegalArgumentException if a count is negative or a statistic negative or not finite
     */
    public State {
      if (observations < 0 || detections < 0 || detections > observations) {
        throw new IllegalArgumentException(
            "counts must satisfy 0 <= detections <= observations, got "
                + detections
                + ", "
                + observations);
      }
      if (!Double.isFinite(mean)
          || !(increaseStatistic >= 0 && decreaseStatistic >= 0)
          || !Double.isFinite(increaseStatistic + decreaseStatistic)) {
        throw new IllegalArgumentException(
            "mean must be finite and statistics finite and >= 0, got "
                + mean
                + ", "
                + increaseStatistic
                + ", "
                + decreaseStatistic);
      }
    }
  }

  /** The Page–Hinkley accumulator; create it with {@link PageHinkley#newDetector()}. */
  public static final class Detector implements StreamingDriftDetector {
    private final PageHinkley config;
    private long observations;
    private long detections;
    private long sinceRestart;
    private double mean;
    private double increaseSum;
    private double increaseMinimum;
    private double decreaseSum;
    private double decreaseMinimum;

    private Detector(PageHinkley config) {
      this.config = config;
    }

    @Override
    public DriftSignal accept(double value) {
      StreamValues.requireFinite(value, observations + 1);
      observations++;
      sinceRestart++;
      mean += (value - mean) / sinceRestart;
      increaseSum = config.alpha * increaseSum + (value - mean - config.delta);
      increaseMinimum = Math.min(increaseMinimum, increaseSum);
      decreaseSum = config.alpha * decreaseSum + (mean - value - config.delta);
      decreaseMinimum = Math.min(decreaseMinimum, decreaseSum);
      if (sinceRestart < config.minInstances || !exceedsThreshold()) {
        return DriftSignal.NONE;
      }
      detections++;
      restartStatistics();
      return DriftSignal.DRIFT;
    }

    @Override
    public State state() {
      return new State(
          observations,
          detections,
          mean,
          increaseSum - increaseMinimum,
          decreaseSum - decreaseMinimum);
    }

    @Override
    public void reset() {
      observations = 0;
      detections = 0;
      restartStatistics();
    }

    private boolean exceedsThreshold() {
      boolean increase = increaseSum - increaseMinimum > config.threshold;
      boolean decrease = decreaseSum - decreaseMinimum > config.threshold;
      return switch (config.direction) {
        case INCREASE -> increase;
        case DECREASE -> decrease;
        case BOTH -> increase || decrease;
      };
    }

    private void restartStatistics() {
      sinceRestart = 0;
      mean = 0;
      increaseSum = 0;
      increaseMinimum = 0;
      decreaseSum = 0;
      decreaseMinimum = 0;
    }
  }
}
