package io.vigil.tools.accuracy;

import io.vigil.detectors.performance.ConfidenceInterval;
import java.util.Objects;

/**
 * Accuracy estimated without labels from the model's confidence (confidence-based performance
 * estimation): the mean calibrated probability of a correct prediction over a uniform sample of the
 * bucket's confidences (the {@code @confidence} profile's reservoir, labelled and unlabelled
 * records alike, as the profile does not tell them apart), with its Poisson-binomial interval. It
 * estimates the accuracy of all the bucket's predictions that carry a confidence. It assumes
 * P(correct | confidence) is as in the calibration data, which holds under covariate shift but not
 * under concept drift; the interval leaves out the calibration's own error.
 *
 * @param accuracy the estimate, in [0, 1]
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 * @param confidenceLevel the interval's level, e.g. 0.95
 * @param sampledPredictions how many confidences the estimate read (the profile's sample)
 * @param unlabeledRecords records in the bucket without a label
 * @param source what the calibration was fitted on
 */
public record EstimatedAccuracy(
    double accuracy,
    double lower,
    double upper,
    double confidenceLevel,
    int sampledPredictions,
    long unlabeledRecords,
    EstimateSource source) {

  public EstimatedAccuracy {
    new ConfidenceInterval(accuracy, lower, upper, confidenceLevel);
    if (sampledPredictions <= 0 || unlabeledRecords < 0) {
      throw new IllegalArgumentException(
          "need sampled predictions > 0 and unlabelled records >= 0, were "
              + sampledPredictions
              + ", "
              + unlabeledRecords);
    }
    Objects.requireNonNull(source, "source");
  }
}
