package io.vigil.detectors.performance;

import java.util.OptionalDouble;

/**
 * The realized metrics of a regression model; see {@link RegressionMetrics} for the definitions.
 *
 * @param size the number of predictions
 * @param meanAbsoluteError MAE, non-negative
 * @param rootMeanSquaredError RMSE, non-negative
 * @param rSquared the coefficient of determination, at most 1
 * @param meanAbsolutePercentageError MAPE as a fraction (0.05 is 5%) over the rows whose actual
 *     value is not 0; empty when every actual value is 0
 * @param percentageErrorRows the rows that count in MAPE
 */
public record RegressionReport(
    long size,
    double meanAbsoluteError,
    double rootMeanSquaredError,
    double rSquared,
    OptionalDouble meanAbsolutePercentageError,
    long percentageErrorRows) {

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException if a value is out of its range or not finite
   */
  public RegressionReport {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive but is " + size);
    }
    requireNonNegative(meanAbsoluteError, "mean absolute error");
    requireNonNegative(rootMeanSquaredError, "root mean squared error");
    if (!(rSquared <= 1 && rSquared > Double.NEGATIVE_INFINITY)) {
      throw new IllegalArgumentException("R² must be finite and at most 1 but is " + rSquared);
    }
    if (meanAbsolutePercentageError.isPresent() != (percentageErrorRows > 0)) {
      throw new IllegalArgumentException("MAPE must be present exactly when some rows count");
    }
    if (meanAbsolutePercentageError.isPresent()) {
      requireNonNegative(meanAbsolutePercentageError.getAsDouble(), "MAPE");
    }
  }

  private static void requireNonNegative(double value, String name) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0 but is " + value);
    }
  }
}
