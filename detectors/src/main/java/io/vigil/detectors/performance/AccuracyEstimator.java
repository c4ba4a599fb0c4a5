package io.vigil.detectors.performance;

/**
 * A calibration fitted by {@link ConfidenceBasedPerformanceEstimation#fit}: estimates the accuracy
 * of windows of unlabeled predictions from their confidence. Immutable and thread-safe.
 */
public final class AccuracyEstimator {

  private final ConfidenceCalibration calibration;
  private final double z;
  private final double level;

  AccuracyEstimator(ConfidenceCalibration calibration, double z, double level) {
    this.calibration = calibration;
    this.z = z;
    this.level = level;
  }

  /**
   * The calibrated probability that a prediction made with {@code confidence} is correct.
   *
   * @throws IllegalArgumentException if {@code confidence} is outside {@code [0, 1]}
   */
  public double calibrated(double confidence) {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] but is " + confidence);
    }
    return calibration.calibrate(confidence);
  }

  /**
   * The expected accuracy of a window, the mean calibrated probability, with its Poisson-binomial
   * normal interval (see {@link ConfidenceBasedPerformanceEstimation}). The array is not modified.
   *
   * @param confidence the model's probability of each predicted class, in {@code [0, 1]}
   * @throws IllegalArgumentException if the window is empty or a confidence is outside {@code [0,
   *     1]} (the message names the index)
   */
  public ConfidenceInterval estimate(double[] confidence) {
    ClassificationInput.requireConfidences(confidence, "confidence");
    double sum = 0;
    double variance = 0;
    for (double c : confidence) {
      double q = calibration.calibrate(c);
      sum += q;
      variance += q * (1 - q);
    }
    double n = confidence.length;
    double estimate = sum / n;
    double half = z * Math.sqrt(variance) / n;
    return new ConfidenceInterval(
        estimate, Math.max(0, estimate - half), Math.min(1, estimate + half), level);
  }
}
