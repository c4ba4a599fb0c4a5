package io.vigil.detectors.drift;

/**
 * The first Wasserstein (earth mover's) distance between the empirical distributions of a reference
 * and a current sample of a numeric feature.
 *
 * <p>In one dimension it is the area between the two empirical distribution functions:
 *
 * <pre>
 *   W1 = integral |F_ref(x) - F_cur(x)| dx = sum_k |i_k / n - j_k / m| (x_(k+1) - x_k)
 * </pre>
 *
 * <p>over consecutive distinct values {@code x_k} of the pooled sample, with {@code i_k} and {@code
 * j_k} the number of reference and current values {@code <= x_k}; this is {@code
 * scipy.stats.wasserstein_distance(reference, current)}. Both samples are sorted once and merged in
 * one pass, {@code O(n log n + m log m)} time and no pooled array; {@code |i m - j n|} is computed
 * exactly in integers. The distance is in the feature's units, symmetric, and 0 for samples with
 * the same empirical distribution.
 *
 * <p>{@link Result#normalized()} divides it by the population standard deviation of the reference
 * (divisor {@code n}), making it unit-free. When the reference is constant that deviation is 0: the
 * normalized distance is then 0 if the distance is 0 and {@link Double#POSITIVE_INFINITY} otherwise
 * (any movement away from a constant is infinitely many reference deviations), never NaN.
 *
 * <p>Reference: A. Ramdas, N. García Trillos and M. Cuturi, "On Wasserstein two-sample testing and
 * related families of nonparametric tests", Entropy 19(2), 47 (2017), doi:10.3390/e19020047.
 */
public final class WassersteinDistance {

  /**
   * The distance in the feature's units and relative to the reference's spread.
   *
   * @param distance the first Wasserstein distance, {@code >= 0}
   * @param normalized {@code distance} divided by the reference's population standard deviation; 0
   *     or {@link Double#POSITIVE_INFINITY} when the reference is constant
   */
  public record Result(double distance, double normalized) {}

  private static final WassersteinDistance DEFAULT = new WassersteinDistance();

  private WassersteinDistance() {}

  /** The first Wasserstein distance (no options). */
  public static WassersteinDistance withDefaults() {
    return DEFAULT;
  }

  /**
   * Computes the distance between two samples; the arrays are not modified.
   *
   * @param reference the reference sample
   * @param current the current sample
   * @return the distance and its normalized form
   * @throws IllegalArgumentException if a sample is empty or holds NaN or an infinity
   */
  public Result between(double[] reference, double[] current) {
    return betweenSorted(
        Samples.sortedCopy(reference, "reference"), Samples.sortedCopy(current, "current"));
  }

  /**
   * {@link #between} for samples already sorted and known finite, so that a caller holding sorted
   * copies does not pay for another sort.
   */
  Result betweenSorted(double[] sortedReference, double[] sortedCurrent) {
    double distance = mergedDistance(sortedReference, sortedCurrent);
    double spread = populationStandardDeviation(sortedReference);
    double normalized;
    if (spread > 0) {
      normalized = distance / spread;
    } else {
      normalized = distance == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return new Result(distance, normalized);
  }

  /** Walks the distinct pooled values in order without building the pooled array. */
  private static double mergedDistance(double[] u, double[] v) {
    int n = u.length;
    int m = v.length;
    double sizeProduct = (double) n * m;
    double sum = 0;
    double compensation = 0;
    int i = 0;
    int j = 0;
    double position = Math.min(u[0], v[0]);
    while (true) {
      while (i < n && u[i] <= position) {
        i++;
      }
      while (j < m && v[j] <= position) {
        j++;
      }
      if (i == n && j == m) {
        break;
      }
      double next = i == n ? v[j] : j == m ? u[i] : Math.min(u[i], v[j]);
      // |i/n - j/m| = |i m - j n| / (n m): exact in long since n m < 2^62
      long gap = Math.abs((long) i * m - (long) j * n);
      if (gap != 0) {
        // skipping zero gaps also avoids 0 * infinity when a step overflows
        double term = gap / sizeProduct * (next - position);
        double total = sum + term;
        compensation += sum >= term ? (sum - total) + term : (term - total) + sum;
        sum = total;
      }
      position = next;
    }
    return sum + compensation;
  }

  /**
   * The population standard deviation by the corrected two-pass algorithm of Chan, Golub and
   * LeVeque (1983), doi:10.1080/00031305.1983.10483115, on values scaled by a power of two so that
   * squares neither overflow nor underflow.
   */
  private static double populationStandardDeviation(double[] sorted) {
    int n = sorted.length;
    if (sorted[0] == sorted[n - 1]) {
      // exactly 0: a computed mean of equal values may be an ulp off and leave a tiny spread
      return 0;
    }
    int exponent = Math.getExponent(Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1])));
    double mean = Proportions.sum(n, k -> Math.scalb(sorted[k], -exponent)) / n;
    double deviationSum = Proportions.sum(n, k -> Math.scalb(sorted[k], -exponent) - mean);
    double squareSum =
        Proportions.sum(
            n,
            k -> {
              double deviation = Math.scalb(sorted[k], -exponent) - mean;
              return deviation * deviation;
            });
    // the correction term removes the first order error of the computed mean
    double sumOfSquares = squareSum - deviationSum * deviationSum / n;
    return Math.scalb(Math.sqrt(Math.max(0, sumOfSquares) / n), exponent);
  }
}
