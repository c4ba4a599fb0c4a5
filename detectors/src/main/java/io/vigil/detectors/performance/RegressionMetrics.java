package io.vigil.detectors.performance;

import java.util.OptionalDouble;

/**
 * Realized regression metrics as a streaming accumulator. For {@code n} pairs of actual {@code y}
 * and predicted {@code ŷ}, with residuals {@code e = y − ŷ}:
 *
 * <pre>
 *   MAE  = (1/n) Σ |e|
 *   RMSE = sqrt( (1/n) Σ e² )
 *   R²   = 1 − Σ e² / Σ (y − ȳ)²
 *   MAPE = (1/m) Σ_{y ≠ 0} |e / y|      over the m rows with y ≠ 0
 * </pre>
 *
 * <p>Conventions: when every actual value is equal ({@code Σ (y − ȳ)² = 0}) R² is 1 for perfect
 * predictions and 0 otherwise (scikit-learn's {@code force_finite=True}), never NaN or −∞. Rows
 * with {@code y = 0} have no percentage error and are skipped by MAPE (their count is reported);
 * MAPE is empty when there are none. {@code Σ (y − ȳ)²} is accumulated with Welford's update, and
 * {@link #combine} merges with Chan, Golub and LeVeque's pairwise formula, so large offsets in
 * {@code y} cost no digits.
 *
 * <p>References: B. P. Welford (1962), "Note on a method for calculating corrected sums of squares
 * and products", Technometrics 4(3), 419–420, doi:10.1080/00401706.1962.10490022; T. F. Chan, G. H.
 * Golub and R. J. LeVeque (1983), "Algorithms for computing the sample variance", The American
 * Statistician 37(3), 242–247, doi:10.1080/00031305.1983.10483115.
 *
 * <p>Instances are mutable and not thread-safe.
 */
public final class RegressionMetrics {

  private long size;
  private double absoluteErrorSum;
  private double squaredErrorSum;
  private double actualMean;
  private double actualSquaredDeviations;
  private long percentageRows;
  private double percentageErrorSum;

  private RegressionMetrics() {}

  /** An empty accumulator. */
  public static RegressionMetrics create() {
    return new RegressionMetrics();
  }

  /**
   * An accumulator holding every {@code (actual[i], predicted[i])} pair. The arrays are not
   * modified.
   *
   * @throws IllegalArgumentException if the arrays are empty, differ in length, or hold NaN or an
   *     infinity (the message names the array and index)
   */
  public static RegressionMetrics of(double[] actual, double[] predicted) {
    if (actual == null || actual.length == 0) {
      throw new IllegalArgumentException("actual values are empty");
    }
    if (predicted == null || predicted.length != actual.length) {
      throw new IllegalArgumentException(
          "predicted values must number " + actual.length + " like the actual values");
    }
    RegressionMetrics metrics = new RegressionMetrics();
    for (int i = 0; i < actual.length; i++) {
      requireFinite(actual[i], "actual", i);
      requireFinite(predicted[i], "predicted", i);
      metrics.add(actual[i], predicted[i]);
    }
    return metrics;
  }

  /**
   * Adds one prediction.
   *
   * @throws IllegalArgumentException if either value is NaN or infinite
   */
  public void accept(double actual, double predicted) {
    requireFinite(actual, "actual", size);
    requireFinite(predicted, "predicted", size);
    add(actual, predicted);
  }

  /**
   * Adds the predictions of {@code other}; {@code other} is unchanged.
   *
   * @return this accumulator
   */
  public RegressionMetrics combine(RegressionMetrics other) {
    if (other.size == 0) {
      return this;
    }
    double total = (double) size + other.size;
    double delta = other.actualMean - actualMean;
    actualSquaredDeviations +=
        other.actualSquaredDeviations + delta * delta * ((double) size * other.size / total);
    actualMean += delta * (other.size / total);
    size += other.size;
    absoluteErrorSum += other.absoluteErrorSum;
    squaredErrorSum += other.squaredErrorSum;
    percentageRows += other.percentageRows;
    percentageErrorSum += other.percentageErrorSum;
    return this;
  }

  /** Forgets every prediction. */
  public void reset() {
    size = 0;
    absoluteErrorSum = 0;
    squaredErrorSum = 0;
    actualMean = 0;
    actualSquaredDeviations = 0;
    percentageRows = 0;
    percentageErrorSum = 0;
  }

  /** The number of predictions added. */
  public long size() {
    return size;
  }

  /**
   * The metrics of the predictions added so far.
   *
   * @throws IllegalStateException if none were added
   */
  public RegressionReport report() {
    if (size == 0) {
      throw new IllegalStateException("no predictions were added");
    }
    double rSquared;
    if (actualSquaredDeviations == 0) {
      rSquared = squaredErrorSum == 0 ? 1 : 0;
    } else {
      rSquared = 1 - squaredErrorSum / actualSquaredDeviations;
    }
    OptionalDouble mape =
        percentageRows == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of(percentageErrorSum / percentageRows);
    return new RegressionReport(
        size,
        absoluteErrorSum / size,
        Math.sqrt(squaredErrorSum / size),
        rSquared,
        mape,
        percentageRows);
  }

  private void add(double actual, double predicted) {
    double error = actual - predicted;
    size++;
    absoluteErrorSum += Math.abs(error);
    squaredErrorSum += error * error;
    double delta = actual - actualMean;
    actualMean += delta / size;
    actualSquaredDeviations += delta * (actual - actualMean);
    if (actual != 0) {
      percentageRows++;
      percentageErrorSum += Math.abs(error / actual);
    }
  }

  private static void requireFinite(double value, String name, long index) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " value at index " + index + " is " + value);
    }
  }
}
