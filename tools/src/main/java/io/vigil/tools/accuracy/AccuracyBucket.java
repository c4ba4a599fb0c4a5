package io.vigil.tools.accuracy;

import io.vigil.tools.query.TimeRange;
import java.util.Objects;
import java.util.Optional;

/**
 * One version's figures over one time bucket (or over the whole window, as its total).
 *
 * @param range the bucket, aligned to whole profile windows
 * @param records records served
 * @param failed records that were failed requests (an error type, no prediction)
 * @param labeled records whose label has arrived
 * @param labelCoverage labeled / records; 0 when there are no records
 * @param accuracy realized accuracy, for a classifier with labelled records
 * @param regressionError realized errors, for a regression model with labelled records
 * @param estimated the label-free estimate, for a classifier with unlabelled records and a
 *     calibration
 */
public record AccuracyBucket(
    TimeRange range,
    long records,
    long failed,
    long labeled,
    double labelCoverage,
    Optional<RealizedAccuracy> accuracy,
    Optional<RegressionError> regressionError,
    Optional<EstimatedAccuracy> estimated) {

  public AccuracyBucket {
    Objects.requireNonNull(range, "range");
    if (records < 0 || failed < 0 || labeled < 0 || labeled > records || failed > records) {
      throw new IllegalArgumentException(
          "inconsistent counts: records "
              + records
              + ", failed "
              + failed
              + ", labeled "
              + labeled);
    }
    Objects.requireNonNull(accuracy, "accuracy");
    Objects.requireNonNull(regressionError, "regressionError");
    Objects.requireNonNull(estimated, "estimated");
  }

  /** Records without a label. */
  public long unlabeled() {
    return records - labeled;
  }
}
