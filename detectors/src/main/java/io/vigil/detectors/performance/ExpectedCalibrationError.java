package io.vigil.detectors.performance;

/**
 * The expected calibration error of a classifier's confidence: how far, on average, the confidence
 * stands from the accuracy it should predict.
 *
 * <p>Rows are grouped into {@value #BINS} equal-width bins by their confidence {@code c} (the
 * model's probability of the predicted class): bin {@code k} (1-based) holds {@code c ∈ ((k −
 * 1)/10, k/10]}, the first bin also holding {@code c = 0}. Then
 *
 * <pre>
 *   ECE = Σ_bins (n_b / n) · |accuracy_b − mean confidence_b|
 * </pre>
 *
 * <p>over the non-empty bins, with {@code accuracy_b} the share of correct predictions in the bin.
 *
 * <p>Reference: M. P. Naeini, G. F. Cooper and M. Hauskrecht (2015), "Obtaining well calibrated
 * probabilities using Bayesian binning", AAAI 2015, 2901–2907; C. Guo, G. Pleiss, Y. Sun and K. Q.
 * Weinberger (2017), "On calibration of modern neural networks", ICML 2017, <a
 * href="https://arxiv.org/abs/1706.04599">arXiv:1706.04599</a>.
 */
public final class ExpectedCalibrationError {

  /** The number of equal-width confidence bins, the usual choice since Guo et al. (2017). */
  public static final int BINS = 10;

  /**
   * The calibration of a set of predictions.
   *
   * @param expectedCalibrationError ECE in {@code [0, 1]}
   * @param meanConfidence the mean confidence in {@code [0, 1]}
   * @param accuracy the share of correct predictions in {@code [0, 1]}
   */
  public record Result(double expectedCalibrationError, double meanConfidence, double accuracy) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a value is outside {@code [0, 1]}
     */
    public Result {
      ClassMetrics.requireUnit(expectedCalibrationError, "expected calibration error");
      ClassMetrics.requireUnit(meanConfidence, "mean confidence");
      ClassMetrics.requireUnit(accuracy, "accuracy");
    }
  }

  private ExpectedCalibrationError() {}

  /**
   * The calibration of predictions {@code predicted} with confidences {@code confidence} against
   * {@code actual}. The arrays are not modified; labels may be any integers.
   *
   * @throws IllegalArgumentException if the arrays are empty or differ in length, or a confidence
   *     is outside {@code [0, 1]}
   */
  public static Result of(int[] actual, int[] predicted, double[] confidence) {
    ClassificationInput.requireConfidences(confidence, "confidence");
    if (actual == null || predicted == null) {
      throw new IllegalArgumentException("labels are null");
    }
    ClassificationInput.requireSameLength(actual.length, predicted.length, "predicted");
    ClassificationInput.requireSameLength(actual.length, confidence.length, "confidence");
    long[] count = new long[BINS];
    long[] correct = new long[BINS];
    double[] confidenceSum = new double[BINS];
    double total = 0;
    long allCorrect = 0;
    for (int i = 0; i < confidence.length; i++) {
      int bin = bin(confidence[i]);
      count[bin]++;
      confidenceSum[bin] += confidence[i];
      total += confidence[i];
      if (actual[i] == predicted[i]) {
        correct[bin]++;
        allCorrect++;
      }
    }
    double n = confidence.length;
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        double gap = (double) correct[b] / count[b] - confidenceSum[b] / count[b];
        ece += count[b] / n * Math.abs(gap);
      }
    }
    return new Result(Math.min(1, ece), total / n, allCorrect / n);
  }

  /** The 0-based bin of {@code ((k − 1)/10, k/10]} holding {@code c}. */
  static int bin(double c) {
    return Math.min(BINS - 1, Math.max(0, (int) Math.ceil(c * BINS) - 1));
  }
}
