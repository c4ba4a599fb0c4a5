package io.vigil.detectors.performance;

import java.util.OptionalDouble;

/**
 * The metrics of a classifier's probability vectors; see {@link ProbabilisticMetrics} for the
 * definitions.
 *
 * @param rocAuc the ROC AUC (binary, or macro one-vs-rest); empty when no class has both positive
 *     and negative rows
 * @param logLoss the mean negative log-likelihood of the actual class, non-negative
 * @param brierScore the Brier score, in {@code [0, 1]} for two classes and {@code [0, 2]} for more
 * @param calibration the expected calibration error and mean confidence of the predicted class
 * @param meanEntropy the mean Shannon entropy (nats) of the probability vectors
 * @param meanMargin the mean difference between the two largest probabilities, in {@code [0, 1]}
 */
public record ProbabilisticReport(
    OptionalDouble rocAuc,
    double logLoss,
    double brierScore,
    ExpectedCalibrationError.Result calibration,
    double meanEntropy,
    double meanMargin) {

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException if a value is out of its range or not finite
   */
  public ProbabilisticReport {
    if (rocAuc.isPresent()) {
      ClassMetrics.requireUnit(rocAuc.getAsDouble(), "ROC AUC");
    }
    if (!(logLoss >= 0 && logLoss < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("log loss must be finite and >= 0 but is " + logLoss);
    }
    if (!(brierScore >= 0 && brierScore <= 2)) {
      throw new IllegalArgumentException("Brier score must be in [0, 2] but is " + brierScore);
    }
    if (!(meanEntropy >= 0 && meanEntropy < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("mean entropy must be finite and >= 0: " + meanEntropy);
    }
    ClassMetrics.requireUnit(meanMargin, "mean margin");
  }
}
