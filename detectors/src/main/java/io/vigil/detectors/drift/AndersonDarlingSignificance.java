package io.vigil.detectors.drift;

/**
 * Critical values of the standardized k-sample Anderson–Darling statistic and the p-value
 * interpolated between them, as {@code scipy.stats.anderson_ksamp} reports it.
 *
 * <p>The critical value at level {@code α} for {@code m = k − 1} is {@code b0 + b1/√m + b2/m}, with
 * the coefficients of Table 2 in Scholz and Stephens (1987), <a
 * href="https://doi.org/10.1080/01621459.1987.10478517">doi:10.1080/01621459.1987.10478517</a>.
 * Between the smallest and largest critical value the p-value is {@code exp(p(A))}, where {@code p}
 * is the least-squares quadratic through the points {@code (critical value, ln α)}; outside them it
 * is the nearest tabulated level, 0.25 or 0.001.
 */
final class AndersonDarlingSignificance {

  /** The tabulated significance levels, from the largest to the smallest. */
  private static final double[] LEVELS = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};

  private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
  private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
  private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};

  private static final int DEGREE = 2;

  private final double[] criticalValues;

  /** Coefficients of the fitted quadratic in ln α, constant term first. */
  private final double[] fit;

  private AndersonDarlingSignificance(double[] criticalValues) {
    this.criticalValues = criticalValues;
    double[] logLevels = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      logLevels[i] = Math.log(LEVELS[i]);
    }
    this.fit = leastSquaresPolynomial(criticalValues, logLevels);
  }

  /** The table for {@code k >= 2} samples. */
  static AndersonDarlingSignificance forSamples(int k) {
    double m = k - 1;
    double[] critical = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      critical[i] = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
    }
    return new AndersonDarlingSignificance(critical);
  }

  /** The critical values at levels 0.25, 0.10, 0.05, 0.025, 0.01, 0.005, 0.001 (a copy). */
  double[] criticalValues() {
    return criticalValues.clone();
  }

  /** The interpolated p-value of a standardized statistic, within {@code [0.001, 0.25]}. */
  double pValue(double statistic) {
    // The critical values grow as the level shrinks, so the ends of the table are its ends.
    if (statistic < criticalValues[0]) {
      return LEVELS[0];
    }
    if (statistic > criticalValues[criticalValues.length - 1]) {
      return LEVELS[LEVELS.length - 1];
    }
    double log = 0;
    for (int power = DEGREE; power >= 0; power--) {
      log = log * statistic + fit[power];
    }
    return Math.exp(log);
  }

  /**
   * The least-squares polynomial of degree {@link #DEGREE} through {@code (x_i, y_i)}, solved by
   * modified Gram–Schmidt on the Vandermonde matrix rather than by the normal equations, which
   * would square its condition number.
   *
   * @return the coefficients, constant term first
   */
  private static double[] leastSquaresPolynomial(double[] x, double[] y) {
    int columns = DEGREE + 1;
    double[][] q = new double[columns][x.length];
    for (int i = 0; i < x.length; i++) {
      double power = 1;
      for (int j = 0; j < columns; j++) {
        q[j][i] = power;
        power *= x[i];
      }
    }
    double[] residual = y.clone();
    double[][] r = new double[columns][columns];
    double[] projected = new double[columns]; // Q^T y
    for (int j = 0; j < columns; j++) {
      r[j][j] = Math.sqrt(dot(q[j], q[j]));
      scale(q[j], 1 / r[j][j]);
      for (int later = j + 1; later < columns; later++) {
        r[j][later] = dot(q[j], q[later]);
        subtract(q[later], r[j][later], q[j]);
      }
      // Projecting y like one more column keeps Q^T y as accurate as Q itself.
      projected[j] = dot(q[j], residual);
      subtract(residual, projected[j], q[j]);
    }
    double[] coefficients = new double[columns];
    for (int j = columns - 1; j >= 0; j--) {
      double sum = projected[j];
      for (int later = j + 1; later < columns; later++) {
        sum -= r[j][later] * coefficients[later];
      }
      coefficients[j] = sum / r[j][j];
    }
    return coefficients;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void scale(double[] a, double factor) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= factor;
    }
  }

  /** {@code a -= factor * b}. */
  private static void subtract(double[] a, double factor, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] -= factor * b[i];
    }
  }
}
