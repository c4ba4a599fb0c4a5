package io.vigil.detectors.streaming;

/**
 * DDM, the drift detection method of Gama et al. (2004) for a stream of prediction outcomes, 1 for
 * an error and 0 for a correct prediction: a configuration, immutable, whose {@link #newDetector()}
 * creates the accumulator.
 *
 * <p>After {@code i} outcomes with error rate {@code p_i} and binomial standard deviation {@code
 * s_i = sqrt(p_i (1 − p_i) / i)}, the detector remembers the outcome at which {@code p_i + s_i} was
 * smallest, {@code (p_min, s_min)}, and reports
 *
 * <ul>
 *   <li>{@link DriftSignal#DRIFT} when {@code p_i + s_i ≥ p_min + 3 · s_min}, then restarts;
 *   <li>{@link DriftSignal#WARNING} when {@code p_i + s_i ≥ p_min + 2 · s_min};
 * </ul>
 *
 * <p>both only after {@code 30} outcomes since the last restart (the multipliers and the minimum
 * are configurable). The levels are the normal approximation's one-sided 97.7% and 99.9% points.
 *
 * <p>Reference: J. Gama, P. Medas, G. Castillo and P. Rodrigues (2004), "Learning with drift
 * detection", Advances in Artificial Intelligence – SBIA 2004, LNCS 3171, 286–295, <a
 * href="https://doi.org/10.1007/978-3-540-28645-5_29">doi:10.1007/978-3-540-28645-5_29</a>.
 */
public final class DriftDetectionMethod {

  private static final DriftDetectionMethod DEFAULTS = new DriftDetectionMethod(2, 3, 30);

  private final double warningLevel;
  private final double driftLevel;
  private final int minInstances;

  private DriftDetectionMethod(double warningLevel, double driftLevel, int minInstances) {
    this.warningLevel = warningLevel;
    this.driftLevel = driftLevel;
    this.minInstances = minInstances;
  }

  /** Warning at 2, drift at 3 standard deviations, 30 instances (Gama et al.). */
  public static DriftDetectionMethod withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a configuration with the given multipliers of {@code s_min}.
   *
   * @throws IllegalArgumentException unless {@code 0 < warningLevel < driftLevel}, both finite
   */
  public DriftDetectionMethod withLevels(double warningLevel, double driftLevel) {
    if (!(warningLevel > 0 && warningLevel < driftLevel && Double.isFinite(driftLevel))) {
      throw new IllegalArgumentException(
          "levels must satisfy 0 < warningLevel < driftLevel < infinity, got "
              + warningLevel
              + ", "
              + driftLevel);
    }
    return new DriftDetectionMethod(warningLevel, driftLevel, minInstances);
  }

  /**
   * @throws IllegalArgumentException if {@code minInstances} is below 1
   */
  public DriftDetectionMethod withMinInstances(int minInstances) {
    StreamValues.requireAtLeast(minInstances, 1, "minInstances");
    return new DriftDetectionMethod(warningLevel, driftLevel, minInstances);
  }

  /** Creates a detector with this configuration and no observations. */
  public Detector newDetector() {
    return new Detector(this);
  }

  /**
   * A snapshot of a DDM detector.
   *
   * @param observations outcomes accepted
   * @param detections outcomes at which a drift was reported
   * @param warnings outcomes at which a warning was reported
   * @param errorRate {@code p_i} since the last restart, 0 before any outcome
   * @param minimumErrorRate {@code p_min}, or +∞ before the first {@code minInstances} outcomes
   * @param minimumStandardDeviation {@code s_min}, or +∞ before the first {@code minInstances}
   *     outcomes
   */
  public record State(
      long observations,
      long detections,
      long warnings,
      double errorRate,
      double minimumErrorRate,
      double minimumStandardDeviation)
      implements DetectorState {

    /**
     * @throws IllegalArgumentException if the counts are inconsistent or the error rate is outside
     *     [0, 1]
     */
    public State {
      if (observations < 0
          || detections < 0
          || warnings < 0
          || detections + warnings > observations) {
        throw new IllegalArgumentException(
            "counts must satisfy 0 <= detections + warnings <= observations, got "
                + detections
                + " + "
                + warnings
                + " of "
                + observations);
      }
      if (!(errorRate >= 0 && errorRate <= 1)
          || !(minimumErrorRate >= 0)
          || !(minimumStandardDeviation >= 0)) {
        throw new IllegalArgumentException(
            "error rates must be in [0, 1] and s_min >= 0, got "
                + errorRate
                + ", "
                + minimumErrorRate
                + ", "
                + minimumStandardDeviation);
      }
    }
  }

  /** The DDM accumulator; create it with {@link DriftDetectionMethod#newDetector()}. */
  public static final class Detector implements StreamingDriftDetector {
    private final DriftDetectionMethod config;
    private long observations;
    private long detections;
    private long warnings;
    private long sinceRestart;
    private long errors;
    private double minimumErrorRate;
    private double minimumStandardDeviation;

    private Detector(DriftDetectionMethod config) {
      this.config = config;
      restartStatistics();
    }

    /**
     * Adds one prediction outcome.
     *
     * @param value 1 for an error, 0 for a correct prediction
     * @throws IllegalArgumentException if {@code value} is neither 0 nor 1
     */
    @Override
    public DriftSignal accept(double value) {
      if (value != 0 && value != 1) {
        throw new IllegalArgumentException(
            "outcome at observation "
                + (observations + 1)
                + " is "
                + value
                + " (must be 0 for a correct prediction or 1 for an error)");
      }
      observations++;
      sinceRestart++;
      errors += (long) value;
      if (sinceRestart < config.minInstances) {
        return DriftSignal.NONE;
      }
      double p = (double) errors / sinceRestart;
      double s = Math.sqrt(p * (1 - p) / sinceRestart);
      if (p + s < minimumErrorRate + minimumStandardDeviation) {
        minimumErrorRate = p;
        minimumStandardDeviation = s;
      }
      return classify(p + s);
    }

    private DriftSignal classify(double level) {
      if (level >= minimumErrorRate + config.driftLevel * minimumStandardDeviation) {
        detections++;
        restartStatistics();
        return DriftSignal.DRIFT;
      }
      if (level >= minimumErrorRate + config.warningLevel * minimumStandardDeviation) {
        warnings++;
        return DriftSignal.WARNING;
      }
      return DriftSignal.NONE;
    }

    @Override
    public State state() {
      double errorRate = sinceRestart == 0 ? 0 : (double) errors / sinceRestart;
      return new State(
          observations,
          detections,
          warnings,
          errorRate,
          minimumErrorRate,
          minimumStandardDeviation);
    }

    @Override
    public void reset() {
      observations = 0;
      detections = 0;
      warnings = 0;
      restartStatistics();
    }

    private void restartStatistics() {
      sinceRestart = 0;
      errors = 0;
      minimumErrorRate = Double.POSITIVE_INFINITY;
      minimumStandardDeviation = Double.POSITIVE_INFINITY;
    }
  }
}
