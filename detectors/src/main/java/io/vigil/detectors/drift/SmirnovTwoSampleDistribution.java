package io.vigil.detectors.drift;

import java.util.Arrays;

/**
 * The exact null distribution of the two-sided two-sample Kolmogorov–Smirnov (Smirnov) statistic
 * {@code D_{m,n} = sup_t |F_m(t) − G_n(t)|} for continuous data: {@code P(D_{m,n} ≥ h / lcm(m,
 * n))}. It matches the exact branch of {@code scipy.stats.ks_2samp} (scipy 1.17).
 *
 * <p>Under the null hypothesis every ordering of the pooled sample is equally likely, so the
 * probability is the fraction of the {@code C(m + n, n)} monotone lattice paths from {@code (0, 0)}
 * to {@code (m, n)} that touch a cell {@code (i, j)} with {@code |i/m − j/n| ≥ h / lcm(m, n)}.
 *
 * <ul>
 *   <li>Equal sizes ({@link #equalSizes}): the reflection principle gives the alternating sum
 *       {@code P = 2 Σ_{k≥1} (−1)^(k−1) C(2n, n − kh) / C(2n, n)}, evaluated in nested (Horner)
 *       form {@code 2A₁(1 − A₂(1 − A₃(1 − …)))} with {@code A_k = C(2n, n − kh)/C(2n, n − (k−1)h)},
 *       each a product of {@code h} ratios: {@code O(n)} operations and no cancellation.
 *   <li>Unequal sizes ({@link #unequalSizes}): Viehmann's form of the Hodges "inside" recursion
 *       carries, for each cell inside the band, the probability {@code Q(i, j)} that a random path
 *       to it has already left the band: {@code Q(i, j) = (i Q(i−1, j) + j Q(i, j−1)) / (i + j)},
 *       with {@code Q = 1} outside. Only the band of one column is stored: {@code O(m · (h/m + 1))}
 *       operations.
 * </ul>
 *
 * <p>References: J. L. Hodges Jr. (1958), "The significance probability of the Smirnov two-sample
 * test", Arkiv för Matematik 3(5), 469–486, <a
 * href="https://doi.org/10.1007/BF02589501">doi:10.1007/BF02589501</a>; T. Viehmann (2021),
 * "Numerically more stable computation of the p-values for the two-sample Kolmogorov-Smirnov test",
 * <a href="https://arxiv.org/abs/2102.08037">arXiv:2102.08037</a>.
 */
final class SmirnovTwoSampleDistribution {

  private SmirnovTwoSampleDistribution() {}

  /**
   * {@code P(D_{n,n} ≥ h/n)} for two samples of size {@code n}.
   *
   * @param n the common sample size, at least 1
   * @param h the statistic times {@code n}, in {@code [1, n]}
   * @return the probability; rounding may leave it marginally outside {@code [0, 1]}, which the
   *     caller must check
   */
  static double equalSizes(long n, long h) {
    double nested = 0;
    for (long k = n / h; k >= 0; k--) {
      // A_(k+1) = C(2n, n − (k+1)h) / C(2n, n − kh) = Π_j (n − kh − j) / (n + kh + j + 1)
      double ratio = 1;
      for (long j = 0; j < h; j++) {
        ratio = (double) (n - k * h - j) * ratio / (double) (n + k * h + j + 1);
      }
      nested = ratio * (1 - nested);
    }
    return 2 * nested;
  }

  /**
   * {@code P(D_{m,n} ≥ h / lcm(m, n))} for samples of sizes {@code m} and {@code n}.
   *
   * @param m the first sample size, at least 1
   * @param n the second sample size, at least 1
   * @param gcd the greatest common divisor of {@code m} and {@code n}
   * @param h the statistic times {@code lcm(m, n)}, in {@code [1, lcm(m, n)]}
   * @return the probability in {@code [0, 1]}
   */
  static double unequalSizes(int m, int n, int gcd, long h) {
    // The probability is symmetric in m and n; the recursion runs over the longer side.
    int columns = Math.max(m, n);
    int rows = Math.min(m, n);
    long columnWeight = rows / gcd;
    long rowWeight = columns / gcd;
    // Cell (i, j) is inside the band when |columnWeight·i − rowWeight·j| < h; column i holds the
    // rows [low, high) of it, stored from index 0.
    int low = 0;
    int high = (int) Math.min(ceilDiv(h, rowWeight), rows + 1L);
    double[] band = new double[(int) Math.min(2L * high + 2, rows + 1L)];
    Arrays.fill(band, 1.0);
    Arrays.fill(band, 0, high, 0.0);
    for (int i = 1; i <= columns; i++) {
      int previousLow = low;
      int previousLength = high - low;
      long centre = columnWeight * i;
      low = (int) Math.min(Math.max(Math.floorDiv(centre - h, rowWeight) + 1, 0), rows);
      high = (int) Math.min(ceilDiv(centre + h, rowWeight), rows + 1L);
      if (high <= low) {
        // The band is closed: every path leaves it.
        return 1.0;
      }
      // Q(i, low − 1) is outside the band, or has weight j = 0 when low = 0.
      double below = low == 0 ? 0.0 : 1.0;
      int shift = low - previousLow;
      for (int index = 0; index < high - low; index++) {
        int j = index + low;
        // Entries past the previous band are 1: they lie outside it.
        below = (band[index + shift] * i + below * j) / (i + j);
        band[index] = below;
      }
      if (previousLength > high - low) {
        Arrays.fill(band, high - low, previousLength, 1.0);
      }
    }
    return band[high - low - 1];
  }

  private static long ceilDiv(long numerator, long denominator) {
    return -Math.floorDiv(-numerator, denominator);
  }
}
