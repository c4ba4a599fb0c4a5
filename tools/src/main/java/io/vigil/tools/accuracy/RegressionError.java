package io.vigil.tools.accuracy;

/**
 * Errors of a regression model measured on labelled records, in the target's units.
 *
 * @param meanAbsoluteError mean of |label − prediction|
 * @param rootMeanSquaredError square root of the mean of (label − prediction)²
 * @param labeled labelled records, {@code > 0}
 */
public record RegressionError(double meanAbsoluteError, double rootMeanSquaredError, long labeled) {

  public RegressionError {
    if (labeled <= 0) {
      throw new IllegalArgumentException("labeled must be > 0, was " + labeled);
    }
    if (!(meanAbsoluteError >= 0) || !(rootMeanSquaredError >= 0)) {
      throw new IllegalArgumentException(
          "errors must be >= 0, were " + meanAbsoluteError + ", " + rootMeanSquaredError);
    }
  }
}
