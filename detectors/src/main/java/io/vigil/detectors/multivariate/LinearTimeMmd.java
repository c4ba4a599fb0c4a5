package io.vigil.detectors.multivariate;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The linear-time statistic {@code MMD²_l} of Gretton et al. (2012), §6 (Lemma 14, Corollary 16).
 * With {@code P = ⌊min(m, n)/2⌋} disjoint quadruples {@code (x, x', y, y')},
 *
 * <pre>
 *   h = k(x, x') + k(y, y') − k(x, y') − k(x', y)
 *   MMD²_l = mean(h),   z = MMD²_l / sqrt(var(h) / P),   p = 1 − Φ(z)
 * </pre>
 *
 * <p>where {@code var} has divisor {@code P − 1} and {@code Φ} is the standard normal distribution
 * function ({@code MMD²_l} is asymptotically normal). Rows are paired in a seeded random order, not
 * in input order: consecutive rows of a time-ordered window are often correlated, and pairing them
 * would inflate {@code k(x, x')} and raise false alarms. Memory: two index arrays, {@code O(m + n)}
 * ints; time {@code O(min(m, n)·d)}.
 */
final class LinearTimeMmd {

  /** Two quadruples at least, so that {@code var(h)} is defined. */
  static final int MIN_ROWS = 4;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** The mean and the sample variance (divisor {@code P − 1}) of the {@code P} values of h. */
  record Moments(double mean, double variance, int pairs) {}

  private LinearTimeMmd() {}

  /** {@code {MMD²_l, p}} for validated samples of at least {@link #MIN_ROWS} rows each. */
  static double[] test(double[][] reference, double[][] current, GaussianKernel kernel, long seed) {
    int pairs = Math.min(reference.length, current.length) / 2;
    SplittableRandom random = new SplittableRandom(seed);
    int[] referenceOrder = randomHead(reference.length, 2 * pairs, random);
    int[] currentOrder = randomHead(current.length, 2 * pairs, random);
    Moments moments = moments(reference, referenceOrder, current, currentOrder, kernel);
    return new double[] {moments.mean(), pValue(moments)};
  }

  /**
   * The moments of h over quadruples {@code (x[order[2i]], x[order[2i+1]], y[...], y[...])}, for
   * {@code i < order.length / 2}; Welford's one-pass update keeps memory constant.
   */
  static Moments moments(
      double[][] reference,
      int[] referenceOrder,
      double[][] current,
      int[] currentOrder,
      GaussianKernel kernel) {
    int pairs = Math.min(referenceOrder.length, currentOrder.length) / 2;
    double mean = 0;
    double squaredDeviations = 0;
    for (int i = 0; i < pairs; i++) {
      double[] x1 = reference[referenceOrder[2 * i]];
      double[] x2 = reference[referenceOrder[2 * i + 1]];
      double[] y1 = current[currentOrder[2 * i]];
      double[] y2 = current[currentOrder[2 * i + 1]];
      double h =
          kernel.value(x1, x2) + kernel.value(y1, y2) - kernel.value(x1, y2) - kernel.value(x2, y1);
      double delta = h - mean;
      mean += delta / (i + 1);
      squaredDeviations += delta * (h - mean);
    }
    return new Moments(mean, squaredDeviations / (pairs - 1), pairs);
  }

  static double pValue(Moments moments) {
    if (moments.variance() == 0) {
      // Every h equal: no spread to scale by; only a positive constant is evidence of drift.
      return moments.mean() > 0 ? 0.0 : 1.0;
    }
    double z = moments.mean() / Math.sqrt(moments.variance() / moments.pairs());
    return STANDARD_NORMAL.survivalProbability(z);
  }

  /** The first {@code count} entries of a seeded uniform permutation of {@code 0..size−1}. */
  private static int[] randomHead(int size, int count, SplittableRandom random) {
    int[] indices = new int[size];
    for (int i = 0; i < size; i++) {
      indices[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(size - i);
      int swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
    return Arrays.copyOf(indices, count);
  }
}
