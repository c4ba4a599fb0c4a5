package io.vigil.tools.accuracy;

import java.util.Optional;

/**
 * The exact counters of one version over some windows, summed.
 *
 * @param records records served
 * @param failed failed requests among them
 * @param labeled records with a label
 * @param correct labelled records predicted right (classification)
 * @param absoluteErrorSum sum of |label − prediction| (regression)
 * @param squaredErrorSum sum of (label − prediction)² (regression)
 */
public record WindowCounts(
    long records,
    long failed,
    long labeled,
    long correct,
    double absoluteErrorSum,
    double squaredErrorSum) {

  /** No records. */
  public static final WindowCounts ZERO = new WindowCounts(0, 0, 0, 0, 0, 0);

  public WindowCounts {
    if (records < 0 || failed < 0 || labeled < 0 || correct < 0 || correct > labeled) {
      throw new IllegalArgumentException(
          "inconsistent counters: records "
              + records
              + ", failed "
              + failed
              + ", labeled "
              + labeled
              + ", correct "
              + correct);
    }
  }

  /** The counters of both. */
  public WindowCounts plus(WindowCounts other) {
    return new WindowCounts(
        records + other.records,
        failed + other.failed,
        labeled + other.labeled,
        correct + other.correct,
        absoluteErrorSum + other.absoluteErrorSum,
        squaredErrorSum + other.squaredErrorSum);
  }

  /** failed / records; 0 without records. */
  public double errorRate() {
    return records == 0 ? 0.0 : (double) failed / records;
  }

  /** The realized accuracy with its Wilson interval, when records are labelled (classification). */
  public Optional<RealizedAccuracy> accuracy() {
    return labeled == 0 ? Optional.empty() : Optional.of(RealizedAccuracy.of(correct, labeled));
  }

  /** The realized MAE and RMSE, when records are labelled (regression). */
  public Optional<RegressionError> regressionError() {
    return labeled == 0
        ? Optional.empty()
        : Optional.of(
            new RegressionError(
                absoluteErrorSum / labeled, Math.sqrt(squaredErrorSum / labeled), labeled));
  }
}
