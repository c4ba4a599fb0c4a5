package io.vigil.detectors.performance;

/**
 * Realized metrics of a classifier's probability vectors, and its label-free confidence signals.
 * For {@code n} rows with actual class {@code y}, predicted class {@code ŷ} and probability vector
 * {@code p} over {@code K} classes:
 *
 * <ul>
 *   <li>ROC AUC: for {@code K = 2}, from the class-1 probability; for {@code K > 2}, the macro
 *       one-vs-rest mean over the classes with both positive and negative rows (see {@link
 *       RocAuc}).
 *   <li>log loss: {@code −(1/n) Σ ln max(p_y, 1e-15)}; the floor keeps a zero probability of the
 *       actual class finite (scikit-learn clipped at the same value until 1.5).
 *   <li>Brier score: for {@code K = 2}, {@code (1/n) Σ (p_1 − [y = 1])²}, the usual binary form and
 *       scikit-learn's {@code brier_score_loss}; for {@code K > 2}, Brier's (1950) original {@code
 *       (1/n) Σ Σ_k (p_k − [y = k])²}, in {@code [0, 2]}.
 *   <li>expected calibration error and mean confidence, with the confidence {@code p_ŷ} of the
 *       predicted class (see {@link ExpectedCalibrationError}).
 *   <li>mean entropy {@code −(1/n) Σ Σ_k p_k ln p_k} (with {@code 0 ln 0 = 0}) and mean margin
 *       {@code (1/n) Σ (p_(1) − p_(2))} between the two largest probabilities: label-free.
 * </ul>
 *
 * <p>References: G. W. Brier (1950), "Verification of forecasts expressed in terms of probability",
 * Monthly Weather Review 78(1), 1–3, <a
 * href="https://doi.org/10.1175/1520-0493(1950)078%3C0001:VOFEIT%3E2.0.CO;2">doi:10.1175/1520-0493(1950)078<0001:VOFEIT>2.0.CO;2</a>.
 */
public final class ProbabilisticMetrics {

  /** The floor on the actual class's probability in the log loss. */
  static final double LOG_LOSS_FLOOR = 1e-15;

  private static final ProbabilisticMetrics DEFAULTS = new ProbabilisticMetrics();

  private ProbabilisticMetrics() {}

  /** The metrics as defined above. */
  public static ProbabilisticMetrics withDefaults() {
    return DEFAULTS;
  }

  /**
   * The metrics of {@code probabilities} (one row per prediction, one column per class) against
   * {@code actual}, with {@code predicted} the reported class of each row (not necessarily the most
   * probable). The arrays are not modified.
   *
   * @throws IllegalArgumentException if the label arrays are empty or differ in length, a label is
   *     outside {@code [0, K)}, or a row has not {@code K ≥ 2} probabilities in {@code [0, 1]}
   *     summing to 1 within 1e-6
   */
  public ProbabilisticReport evaluate(int[] actual, int[] predicted, double[][] probabilities) {
    if (probabilities == null || probabilities.length == 0 || probabilities[0] == null) {
      throw new IllegalArgumentException("probabilities are empty");
    }
    int classCount = probabilities[0].length;
    ClassificationInput.requireLabels(actual, predicted, classCount);
    ClassificationInput.requireProbabilities(probabilities, actual.length, classCount);
    int n = actual.length;
    double[] confidence = new double[n];
    double logLoss = 0;
    double brier = 0;
    double entropy = 0;
    double margin = 0;
    for (int i = 0; i < n; i++) {
      double[] p = probabilities[i];
      confidence[i] = p[predicted[i]];
      logLoss -= Math.log(Math.max(p[actual[i]], LOG_LOSS_FLOOR));
      brier += brierTerm(p, actual[i]);
      entropy += entropy(p);
      margin += margin(p);
    }
    return new ProbabilisticReport(
        RocAuc.of(actual, probabilities, classCount),
        logLoss / n,
        brier / n,
        ExpectedCalibrationError.of(actual, predicted, confidence),
        entropy / n,
        margin / n);
  }

  private static double brierTerm(double[] p, int actual) {
    if (p.length == 2) {
      double error = p[1] - (actual == 1 ? 1 : 0);
      return error * error;
    }
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      double error = p[k] - (k == actual ? 1 : 0);
      sum += error * error;
    }
    return sum;
  }

  private static double entropy(double[] p) {
    double sum = 0;
    for (double value : p) {
      if (value > 0) {
        sum -= value * Math.log(value);
      }
    }
    return sum;
  }

  private static double margin(double[] p) {
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (double value : p) {
      if (value > first) {
        second = first;
        first = value;
      } else if (value > second) {
        second = value;
      }
    }
    return first - second;
  }
}
