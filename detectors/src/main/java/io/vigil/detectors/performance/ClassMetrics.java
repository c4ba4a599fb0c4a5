package io.vigil.detectors.performance;

/**
 * Precision, recall and F1 of one class, one-vs-rest.
 *
 * <p>With {@code TP} true positives, {@code support} rows of the class and {@code predictedCount}
 * rows predicted as it: {@code precision = TP/predictedCount}, {@code recall = TP/support}, {@code
 * F1 = 2 TP/(support + predictedCount)} (the harmonic mean of the two when both are defined).
 * Zero-division convention (scikit-learn's {@code zero_division=0}): a ratio with a zero
 * denominator is 0, never NaN, and {@link #precisionUndefined()} or {@link #recallUndefined()}
 * flags it.
 *
 * @param label the class label
 * @param support rows whose actual class is {@code label}
 * @param predictedCount rows predicted as {@code label}
 * @param truePositives rows both actual and predicted {@code label}
 * @param precision in {@code [0, 1]}
 * @param recall in {@code [0, 1]}
 * @param f1 in {@code [0, 1]}
 */
public record ClassMetrics(
    int label,
    long support,
    long predictedCount,
    long truePositives,
    double precision,
    double recall,
    double f1) {

  /**
   * Validates the counts and ratios.
   *
   * @throws IllegalArgumentException if a count is negative, true positives exceed a count, or a
   *     ratio is outside {@code [0, 1]}
   */
  public ClassMetrics {
    if (truePositives < 0 || truePositives > support || truePositives > predictedCount) {
      throw new IllegalArgumentException(
          "true positives "
              + truePositives
              + " must be in [0, min(support "
              + support
              + ", predicted "
              + predictedCount
              + ")]");
    }
    requireUnit(precision, "precision");
    requireUnit(recall, "recall");
    requireUnit(f1, "f1");
  }

  /** Computes the ratios from the counts under the zero-division convention above. */
  static ClassMetrics of(int label, long support, long predictedCount, long truePositives) {
    double precision = predictedCount == 0 ? 0 : (double) truePositives / predictedCount;
    double recall = support == 0 ? 0 : (double) truePositives / support;
    long denominator = support + predictedCount;
    double f1 = denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    return new ClassMetrics(label, support, predictedCount, truePositives, precision, recall, f1);
  }

  /** True when the class was never predicted, so precision is 0 by convention. */
  public boolean precisionUndefined() {
    return predictedCount == 0;
  }

  /** True when the class never occurred, so recall is 0 by convention. */
  public boolean recallUndefined() {
    return support == 0;
  }

  /** True when the class occurred or was predicted: it counts in the macro averages. */
  public boolean present() {
    return support > 0 || predictedCount > 0;
  }

  static void requireUnit(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] but is " + value);
    }
  }
}
