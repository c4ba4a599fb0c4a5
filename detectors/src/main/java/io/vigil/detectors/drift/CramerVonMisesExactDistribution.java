package io.vigil.detectors.drift;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The exact null distribution of the two-sample Cramér–von Mises statistic, by the lattice-path
 * recursion of Xiao, Gordon and Yakovlev (2006), <a
 * href="https://doi.org/10.18637/jss.v017.i08">doi:10.18637/jss.v017.i08</a>.
 *
 * <p>Under the null hypothesis every interleaving of the two sorted samples is equally likely. An
 * interleaving is a monotone path through the grid {@code (v, u)}, {@code 0 <= v <= n}, {@code 0 <=
 * u <= m}, and with {@code L = lcm(n, m)}, {@code a = L/n}, {@code b = L/m} the statistic is an
 * increasing function of {@code ζ = Σ (a·v − b·u)²} over the points the path visits. Combining
 * Anderson's (1962) equation 9 with Xiao et al.'s equation 2 gives the observed {@code ζ =
 * ⌊L²·N·(6·U − n·m·(4·n·m − 1)) / (6·n²·m²)⌋}, and the p-value is the share of the {@code C(N, n)}
 * paths whose {@code ζ} reaches it.
 *
 * <p>The recursion carries, for each grid point, the frequency table of the partial sums of the
 * paths reaching it, like scipy. Unlike scipy it only keeps the sums that are still undecided:
 * partial sums only grow, so a path whose sum plus the least it can still gain reaches the
 * threshold is counted at once, and one whose sum plus the most it can still gain falls short is
 * dropped. The counts are the same; the tables are far smaller.
 *
 * <p>Counts are doubles: exact up to 2^53 (beyond every sample size the {@code AUTO} method sends
 * here, {@code C(40, 20) ≈ 1.4·10^11}) and never overflowing for larger, explicit requests.
 */
final class CramerVonMisesExactDistribution {

  private final int n;
  private final int m;
  private final long a;
  private final long b;

  /** Per grid point {@code (v, u)}, at {@code u·(n + 1) + v}: the least sum still to come. */
  private final long[] leastToCome;

  /** Per grid point: the largest sum still to come. */
  private final long[] mostToCome;

  private CramerVonMisesExactDistribution(int n, int m, long lcm) {
    this.n = n;
    this.m = m;
    this.a = lcm / n;
    this.b = lcm / m;
    this.leastToCome = new long[(n + 1) * (m + 1)];
    this.mostToCome = new long[leastToCome.length];
    boundRemainingSums();
  }

  /**
   * The probability, under the null hypothesis, of a statistic at least as large as the observed
   * one.
   *
   * @param fourU {@code 4·U}, an integer even with midranks
   * @param n the size of the first sample
   * @param m the size of the second sample
   * @throws IllegalArgumentException if {@code lcm(n, m)²·(n + m)} exceeds a long, where path sums
   *     could overflow (no such computation would finish anyway)
   */
  static double pValue(BigInteger fourU, int n, int m) {
    long lcm = lcm(n, m);
    long largestSum;
    try {
      largestSum = Math.multiplyExact(Math.multiplyExact(lcm, lcm), (long) n + m);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "exact Cramér–von Mises p-value is out of reach for samples of "
              + n
              + " and "
              + m
              + " values; use the asymptotic method",
          e);
    }
    BigInteger observed = observedZeta(fourU, n, m, lcm);
    if (observed.signum() <= 0) {
      return 1; // every path sum is at least 0
    }
    if (observed.compareTo(BigInteger.valueOf(largestSum)) > 0) {
      return 0;
    }
    double reaching =
        new CramerVonMisesExactDistribution(n, m, lcm).countPathsReaching(observed.longValue());
    return reaching / binomial(n + m, n);
  }

  /** {@code ⌊L²·N·(3·(4U) − 2·n·m·(4·n·m − 1)) / (12·n²·m²)⌋}. */
  private static BigInteger observedZeta(BigInteger fourU, int n, int m, long lcm) {
    BigInteger nm = BigInteger.valueOf((long) n * m);
    BigInteger numerator =
        BigInteger.valueOf(lcm)
            .pow(2)
            .multiply(BigInteger.valueOf((long) n + m))
            .multiply(
                fourU
                    .multiply(BigInteger.valueOf(3))
                    .subtract(nm.shiftLeft(1).multiply(nm.shiftLeft(2).subtract(BigInteger.ONE))));
    BigInteger denominator = nm.pow(2).multiply(BigInteger.valueOf(12));
    BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(denominator);
    // divideAndRemainder truncates toward zero; a negative numerator needs one less for floor.
    return quotientAndRemainder[1].signum() < 0
        ? quotientAndRemainder[0].subtract(BigInteger.ONE)
        : quotientAndRemainder[0];
  }

  /**
   * How many paths from {@code (0, 0)} to {@code (n, m)} have {@code ζ >= threshold}, row by row:
   * the paths reaching {@code (v, u)} come from {@code (v − 1, u)} or {@code (v, u − 1)} and add
   * {@code (a·v − b·u)²}.
   */
  private double countPathsReaching(long threshold) {
    // A virtual row u = −1 from which only the empty path at the origin enters the grid.
    CramerVonMisesPathSums[] previousRow = new CramerVonMisesPathSums[n + 1];
    Arrays.fill(previousRow, CramerVonMisesPathSums.EMPTY);
    previousRow[0] = CramerVonMisesPathSums.ORIGIN;
    for (int u = 0; u <= m; u++) {
      CramerVonMisesPathSums[] row = new CramerVonMisesPathSums[n + 1];
      CramerVonMisesPathSums left = CramerVonMisesPathSums.EMPTY;
      for (int v = 0; v <= n; v++) {
        int point = u * (n + 1) + v;
        left =
            left.join(
                previousRow[v],
                square(v, u),
                threshold - mostToCome[point],
                threshold - leastToCome[point]);
        row[v] = left;
      }
      previousRow = row;
    }
    return previousRow[n].reached();
  }

  /** Fills the bounds on the sum still to come from each point, backwards from the end. */
  private void boundRemainingSums() {
    for (int u = m; u >= 0; u--) {
      for (int v = n; v >= 0; v--) {
        int point = u * (n + 1) + v;
        long least = Long.MAX_VALUE;
        long most = Long.MIN_VALUE;
        if (v < n) {
          least = Math.min(least, square(v + 1, u) + leastToCome[point + 1]);
          most = Math.max(most, square(v + 1, u) + mostToCome[point + 1]);
        }
        if (u < m) {
          least = Math.min(least, square(v, u + 1) + leastToCome[point + n + 1]);
          most = Math.max(most, square(v, u + 1) + mostToCome[point + n + 1]);
        }
        boolean end = v == n && u == m;
        leastToCome[point] = end ? 0 : least;
        mostToCome[point] = end ? 0 : most;
      }
    }
  }

  private long square(int v, int u) {
    long step = a * v - b * u;
    return step * step;
  }

  private static long lcm(int n, int m) {
    return (long) n / BigInteger.valueOf(n).gcd(BigInteger.valueOf(m)).longValue() * m;
  }

  /** {@code C(size, chosen)}, rounded once to a double. */
  private static double binomial(int size, int chosen) {
    BigInteger result = BigInteger.ONE;
    for (int i = 1; i <= chosen; i++) {
      result = result.multiply(BigInteger.valueOf(size - chosen + i)).divide(BigInteger.valueOf(i));
    }
    return result.doubleValue();
  }
}
