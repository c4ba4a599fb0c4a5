package io.vigil.detectors.performance;

import java.util.Objects;

/**
 * Confidence-based performance estimation (CBPE): the accuracy of a classifier on unlabeled
 * predictions, estimated from its confidence after a calibration fitted on labeled reference data.
 *
 * <p>{@link #fit} learns, on reference rows, a map {@code g} from the confidence {@code c} (the
 * model's probability of its predicted class) to the probability that the prediction is correct
 * ({@link CalibrationMethod}). For a window of {@code n} unlabeled predictions with calibrated
 * probabilities {@code q_i = g(c_i)}, the realized accuracy is a Poisson-binomial proportion, and
 *
 * <pre>
 *   estimate = (1/n) Σ q_i,     variance = (1/n²) Σ q_i (1 − q_i)
 * </pre>
 *
 * <p>with the interval {@code estimate ± z sqrt(variance)} (normal approximation, clipped to {@code
 * [0, 1]}). The interval covers the realized accuracy of the window given a correct calibration; it
 * does not include the error of the calibration itself, which is small for a large reference set.
 * The estimate stays unbiased under covariate shift as long as {@code P(correct | confidence)} does
 * not change, which holds when only the inputs' distribution moves and {@code P(y | x)} does not
 * (no concept drift); it does not detect concept drift.
 *
 * <p>Reference: NannyML, "Confidence-based Performance Estimation (CBPE)",
 * https://nannyml.readthedocs.io/en/stable/how_it_works/performance_estimation.html.
 */
public final class ConfidenceBasedPerformanceEstimation {

  /** How reference confidence is mapped to the probability of a correct prediction. */
  public enum CalibrationMethod {
    /** Pool-adjacent-violators isotonic regression (see {@link IsotonicCalibration}). */
    ISOTONIC,
    /** Platt's logistic fit on the confidence's log-odds (see {@link PlattCalibration}). */
    PLATT
  }

  private static final ConfidenceBasedPerformanceEstimation DEFAULTS =
      new ConfidenceBasedPerformanceEstimation(
          CalibrationMethod.ISOTONIC, WilsonScoreInterval.DEFAULT_LEVEL);

  private final CalibrationMethod method;
  private final double level;

  private ConfidenceBasedPerformanceEstimation(CalibrationMethod method, double level) {
    this.method = method;
    this.level = level;
  }

  /** Isotonic calibration and a 95% interval. */
  public static ConfidenceBasedPerformanceEstimation withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns the estimation with {@code method}; this instance is unchanged.
   *
   * @throws NullPointerException if {@code method} is null
   */
  public ConfidenceBasedPerformanceEstimation with(CalibrationMethod method) {
    return new ConfidenceBasedPerformanceEstimation(
        Objects.requireNonNull(method, "method"), level);
  }

  /**
   * Returns the estimation with intervals at {@code level}; this instance is unchanged.
   *
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public ConfidenceBasedPerformanceEstimation withConfidenceLevel(double level) {
    return new ConfidenceBasedPerformanceEstimation(method, ConfidenceInterval.requireLevel(level));
  }

  /**
   * Fits the calibration on labeled reference predictions. The arrays are not modified; labels may
   * be any integers.
   *
   * @param actual the reference rows' actual classes
   * @param predicted the model's predicted classes
   * @param confidence the model's probability of each predicted class, in {@code [0, 1]}
   * @throws IllegalArgumentException if the arrays are empty or differ in length, or a confidence
   *     is outside {@code [0, 1]}
   */
  public AccuracyEstimator fit(int[] actual, int[] predicted, double[] confidence) {
    ClassificationInput.requireConfidences(confidence, "reference confidence");
    if (actual == null || predicted == null) {
      throw new IllegalArgumentException("reference labels are null");
    }
    ClassificationInput.requireSameLength(confidence.length, actual.length, "actual");
    ClassificationInput.requireSameLength(confidence.length, predicted.length, "predicted");
    double[] correct = new double[confidence.length];
    for (int i = 0; i < correct.length; i++) {
      correct[i] = actual[i] == predicted[i] ? 1 : 0;
    }
    ConfidenceCalibration calibration =
        switch (method) {
          case ISOTONIC -> IsotonicCalibration.fit(confidence, correct);
          case PLATT -> PlattCalibration.fit(confidence, correct);
        };
    return new AccuracyEstimator(calibration, WilsonScoreInterval.criticalValue(level), level);
  }
}
