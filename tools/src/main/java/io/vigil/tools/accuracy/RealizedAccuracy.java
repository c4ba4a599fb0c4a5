package io.vigil.tools.accuracy;

import io.vigil.detectors.performance.ConfidenceInterval;
import io.vigil.detectors.performance.WilsonScoreInterval;

/**
 * Accuracy measured on labelled records, with its Wilson score interval.
 *
 * @param accuracy correct / labeled, in [0, 1]
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 * @param confidenceLevel the interval's level, e.g. 0.95
 * @param correct labelled records whose prediction was right
 * @param labeled labelled records, {@code > 0}
 */
public record RealizedAccuracy(
    double accuracy,
    double lower,
    double upper,
    double confidenceLevel,
    long correct,
    long labeled) {

  public RealizedAccuracy {
    if (labeled <= 0 || correct < 0 || correct > labeled) {
      throw new IllegalArgumentException(
          "need 0 <= correct <= labeled and labeled > 0, were " + correct + ", " + labeled);
    }
    new ConfidenceInterval(accuracy, lower, upper, confidenceLevel);
  }

  /** The accuracy of {@code correct} out of {@code labeled}, with its 95% Wilson interval. */
  public static RealizedAccuracy of(long correct, long labeled) {
    ConfidenceInterval interval = WilsonScoreInterval.withDefaults().of(correct, labeled);
    return new RealizedAccuracy(
        interval.estimate(),
        interval.lower(),
        interval.upper(),
        interval.level(),
        correct,
        labeled);
  }
}
