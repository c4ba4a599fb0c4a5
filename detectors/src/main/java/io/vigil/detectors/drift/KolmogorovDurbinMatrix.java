package io.vigil.detectors.drift;

import java.util.Arrays;

/**
 * The exact cumulative distribution {@code P(Dₙ ≤ d)} of the one-sample two-sided
 * Kolmogorov–Smirnov statistic by Durbin's matrix method, in the form of Marsaglia, Tsang and Wang.
 *
 * <p>Write {@code nd = k − h} with integer {@code k} and {@code 0 ≤ h < 1}, and let {@code H} be
 * the {@code (2k − 1) × (2k − 1)} matrix with {@code H[i][j] = 1/(i − j + 1)!} for {@code i − j + 1
 * ≥ 0} (zero above the first superdiagonal), whose first column and last row are corrected to
 * {@code (1 − h^(i+1))/(i+1)!} and whose corner is {@code (1 − 2h^m + max(0, 2h − 1)^m)/m!}. Then
 *
 * <pre>
 *   P(Dₙ ≤ d) = n!/nⁿ · (Hⁿ)[k−1][k−1]
 * </pre>
 *
 * <p>The power is taken by repeated squaring, {@code O(k³ log n)} operations, with the matrix and
 * the factor {@code n!/nⁿ} rescaled by powers of two (exactly) to stay within the double range. It
 * matches {@code _kolmogn_DMTW} of scipy 1.17.
 *
 * <p>References: J. Durbin (1968), "The Probability that the Sample Distribution Function Lies
 * Between Two Parallel Straight Lines", Annals of Mathematical Statistics 39(2), 398–411, <a
 * href="https://doi.org/10.1214/aoms/1177698404">doi:10.1214/aoms/1177698404</a>; G. Marsaglia, W.
 * W. Tsang and J. Wang (2003), "Evaluating Kolmogorov's Distribution", Journal of Statistical
 * Software 8(18), <a href="https://doi.org/10.18637/jss.v008.i18">doi:10.18637/jss.v008.i18</a>.
 */
final class KolmogorovDurbinMatrix {

  /** Rescaling step: large enough to be rare, small enough to keep the products finite. */
  private static final int SCALE_EXPONENT = 128;

  private static final double SCALE_UP = 0x1.0p128;
  private static final double SCALE_DOWN = 0x1.0p-128;

  private KolmogorovDurbinMatrix() {}

  /**
   * Returns {@code P(Dₙ ≤ d)}.
   *
   * @param n the sample size, at least 1
   * @param d the statistic
   * @return the cumulative probability, clipped to {@code [0, 1]}
   */
  static double cdf(int n, double d) {
    if (d >= 1) {
      return 1;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int size = 2 * k - 1;
    int corner = (k - 1) * size + (k - 1);

    double[] base = initialMatrix(size, h);
    double[] power = identity(size);
    double[] scratch = new double[size * size];
    long powerExponent = 0;
    long baseExponent = 0;
    for (int remaining = n; remaining > 0; remaining >>= 1) {
      if ((remaining & 1) != 0) {
        multiply(power, base, scratch, size);
        double[] swap = power;
        power = scratch;
        scratch = swap;
        powerExponent += baseExponent;
        // scipy rescales only the squares; without this the product can overflow to infinity
        // (e.g. n = 93823, d = 0.000257), which scipy then reports as P(D_n <= d) = 1.
        while (maxAbs(power) > SCALE_UP) {
          scale(power, SCALE_DOWN);
          powerExponent += SCALE_EXPONENT;
        }
      }
      if (remaining > 1) {
        multiply(base, base, scratch, size);
        double[] swap = base;
        base = scratch;
        scratch = swap;
        baseExponent *= 2;
        if (Math.abs(base[corner]) > SCALE_UP) {
          scale(base, SCALE_DOWN);
          baseExponent += SCALE_EXPONENT;
        }
      }
    }
    return Math.min(1, Math.max(0, timesFactorialOverPower(power[corner], n, powerExponent)));
  }

  /** {@code p · 2^exponent · n!/nⁿ}, one factor {@code i/n} at a time, rescaling as it shrinks. */
  private static double timesFactorialOverPower(double p, int n, long exponent) {
    double value = p;
    long scale = exponent;
    for (int i = 1; i <= n; i++) {
      value = i * value / n;
      if (Math.abs(value) < SCALE_DOWN) {
        value *= SCALE_UP;
        scale -= SCALE_EXPONENT;
      }
    }
    return Math.scalb(value, (int) Math.max(Integer.MIN_VALUE / 2, scale));
  }

  /** The matrix {@code H}, row-major. */
  private static double[] initialMatrix(int size, double h) {
    double[] firstColumn = new double[size];
    double[] inverseFactorial = new double[size];
    double factor = 1;
    for (int j = 1; j <= size; j++) {
      inverseFactorial[j - 1] = factor;
      factor /= j; // 1/j! may underflow for large k; the corner terms are then negligible
      firstColumn[j - 1] = (1 - Math.pow(h, j)) * factor;
    }
    double overlap = Math.pow(Math.max(2 * h - 1, 0), size) - 2 * Math.pow(h, size);
    firstColumn[size - 1] = (1 + overlap) * factor;

    double[] matrix = new double[size * size];
    for (int column = 1; column < size; column++) {
      for (int row = column - 1; row < size; row++) {
        matrix[row * size + column] = inverseFactorial[row - column + 1];
      }
    }
    for (int row = 0; row < size; row++) {
      matrix[row * size] = firstColumn[row];
    }
    for (int column = 0; column < size; column++) {
      matrix[(size - 1) * size + column] = firstColumn[size - 1 - column];
    }
    return matrix;
  }

  private static double[] identity(int size) {
    double[] matrix = new double[size * size];
    for (int i = 0; i < size; i++) {
      matrix[i * size + i] = 1;
    }
    return matrix;
  }

  /** {@code result = left · right}; {@code result} must be distinct from both operands. */
  private static void multiply(double[] left, double[] right, double[] result, int size) {
    Arrays.fill(result, 0);
    for (int i = 0; i < size; i++) {
      int rowStart = i * size;
      for (int k = 0; k < size; k++) {
        double factor = left[rowStart + k];
        if (factor == 0) {
          continue;
        }
        int rightRow = k * size;
        for (int j = 0; j < size; j++) {
          result[rowStart + j] += factor * right[rightRow + j];
        }
      }
    }
  }

  private static double maxAbs(double[] matrix) {
    double max = 0;
    for (double value : matrix) {
      max = Math.max(max, Math.abs(value));
    }
    return max;
  }

  private static void scale(double[] matrix, double factor) {
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] *= factor;
    }
  }
}
