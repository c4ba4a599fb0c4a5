package io.vigil.tools.comparison;

import io.vigil.tools.accuracy.RealizedAccuracy;
import io.vigil.tools.accuracy.RegressionError;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One version's figures over the compared window.
 *
 * @param version the version's name
 * @param records records served
 * @param failed failed requests among them
 * @param errorRate failed / records; 0 without records
 * @param labeled records with a label
 * @param accuracy realized accuracy with its Wilson interval (classification, labelled records)
 * @param regressionError realized MAE and RMSE (regression, labelled records)
 * @param meanConfidence the mean confidence of its predictions, if they report one
 * @param confidenceCount predictions with a confidence
 * @param latency serving latency, if measured
 */
public record VersionFigures(
    String version,
    long records,
    long failed,
    double errorRate,
    long labeled,
    Optional<RealizedAccuracy> accuracy,
    Optional<RegressionError> regressionError,
    OptionalDouble meanConfidence,
    long confidenceCount,
    Optional<LatencyFigures> latency) {

  public VersionFigures {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(accuracy, "accuracy");
    Objects.requireNonNull(regressionError, "regressionError");
    Objects.requireNonNull(meanConfidence, "meanConfidence");
    Objects.requireNonNull(latency, "latency");
  }
}
