package io.vigil.detectors.performance;

/**
 * A fitted map from a model's confidence in its prediction to the probability that the prediction
 * is correct.
 */
interface ConfidenceCalibration {

  /**
   * The calibrated probability of a correct prediction at {@code confidence}, in {@code [0, 1]}.
   */
  double calibrate(double confidence);
}
