package io.vigil.detectors.drift;

import java.util.Objects;

/**
 * The two-sided two-sample Kolmogorov–Smirnov test. It matches {@code
 * scipy.stats.ks_2samp(reference, current, alternative='two-sided', method=...)} (scipy 1.17).
 *
 * <p>With the empirical distribution functions {@code F_m} of the reference sample (size {@code m})
 * and {@code G_n} of the current sample (size {@code n}), the statistic is
 *
 * <pre>
 *   D = sup_t |F_m(t) − G_n(t)|
 * </pre>
 *
 * <p>and the p-value is {@code P(D_{m,n} ≥ D)} under the null hypothesis that both samples come
 * from the same continuous distribution. It is computed
 *
 * <ul>
 *   <li>exactly ({@link PValueMethod#EXACT}), from the lattice-path distribution of {@code D_{m,n}}
 *       (Hodges 1958; see {@link SmirnovTwoSampleDistribution}), with {@code D} first rounded to
 *       the nearest multiple of {@code 1/lcm(m, n)}, the only values it can take; or
 *   <li>asymptotically ({@link PValueMethod#ASYMPTOTIC}), as the one-sample two-sided distribution
 *       at the effective size {@code N = round(mn/(m + n))}: {@code P(D_N ≥ D)} (see {@link
 *       KolmogorovDistribution}).
 * </ul>
 *
 * <p>With ties the test is conservative: the p-value is that of continuous data. Cost: one sort per
 * sample and one merge pass, {@code O((m + n) log(m + n))}, plus the p-value: {@code O(n)} exact
 * for equal sizes, {@code O(max(m, n) · (D·min(m, n) + 1))} exact for unequal sizes, at most {@code
 * O(N)} asymptotic.
 *
 * <p>References: N. V. Smirnov (1939), "On the estimation of the discrepancy between empirical
 * curves of distribution for two independent samples", Bulletin Mathématique de l'Université de
 * Moscou 2(2), 3–14; J. L. Hodges Jr. (1958), "The significance probability of the Smirnov
 * two-sample test", Arkiv för Matematik 3(5), 469–486, <a
 * href="https://doi.org/10.1007/BF02589501">doi:10.1007/BF02589501</a>.
 */
public final class KolmogorovSmirnovTest {

  /** How the p-value is computed. */
  public enum PValueMethod {
    /**
     * {@link #EXACT} when neither sample has more than 10,000 observations, else {@link
     * #ASYMPTOTIC} (scipy's {@code method='auto'}).
     */
    AUTO,
    /**
     * The exact null distribution. It falls back to {@link #ASYMPTOTIC} (as scipy does, with a
     * warning there) when {@code lcm(m, n)} does not fit a signed 32-bit integer, or when rounding
     * leaves the computed probability outside {@code [0, 1]}.
     */
    EXACT,
    /** The one-sample two-sided distribution at the effective size {@code round(mn/(m + n))}. */
    ASYMPTOTIC
  }

  /**
   * The largest sample for which {@link PValueMethod#AUTO} computes the exact distribution: for
   * unequal sizes its cost grows like {@code m·n·D}, up to about 10^8 steps at this size.
   */
  private static final int MAX_AUTO_EXACT_SIZE = 10_000;

  private static final KolmogorovSmirnovTest DEFAULTS =
      new KolmogorovSmirnovTest(PValueMethod.AUTO);

  /** scipy's bound on {@code lcm(m, n)} for the exact method: the largest 32-bit integer. */
  private static final double MAX_EXACT_LCM = Integer.MAX_VALUE;

  private final PValueMethod method;

  private KolmogorovSmirnovTest(PValueMethod method) {
    this.method = method;
  }

  /** The test with {@link PValueMethod#AUTO}. */
  public static KolmogorovSmirnovTest withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a test that computes the p-value with {@code method}; this instance is unchanged.
   *
   * @throws NullPointerException if {@code method} is null
   */
  public KolmogorovSmirnovTest with(PValueMethod method) {
    return new KolmogorovSmirnovTest(Objects.requireNonNull(method, "method"));
  }

  /**
   * The outcome of one test.
   *
   * @param statistic {@code D} in {@code [0, 1]}; when the exact method was used, rounded to the
   *     nearest multiple of {@code 1/lcm(m, n)} as scipy reports it
   * @param pValue {@code P(D_{m,n} ≥ D)} in {@code [0, 1]}
   * @param method the method actually used: {@link PValueMethod#EXACT} or {@link
   *     PValueMethod#ASYMPTOTIC}, never {@link PValueMethod#AUTO}
   */
  public record Result(double statistic, double pValue, PValueMethod method)
      implements TwoSampleTestResult {}

  /**
   * Tests whether {@code reference} and {@code current} come from the same distribution. The inputs
   * are not modified.
   *
   * @throws IllegalArgumentException if either sample is empty or holds NaN or an infinity; the
   *     message names the sample
   */
  public Result test(double[] reference, double[] current) {
    return testSorted(
        Samples.sortedCopy(reference, "reference"), Samples.sortedCopy(current, "current"));
  }

  /**
   * {@link #test} for samples already sorted and known finite, so that a caller holding sorted
   * copies does not pay for another sort.
   */
  Result testSorted(double[] sortedReference, double[] sortedCurrent) {
    double statistic = statistic(sortedReference, sortedCurrent);
    int m = sortedReference.length;
    int n = sortedCurrent.length;
    if (usesExact(m, n)) {
      return exact(statistic, m, n);
    }
    return asymptotic(statistic, m, n);
  }

  /**
   * The statistic {@code D = max |F_m(t) − G_n(t)|} over the pooled values {@code t}, by one merge
   * of the two sorted samples: {@code O(m + n)}, no allocation. Both distribution functions are
   * evaluated at every distinct value (ties included) as {@code count/size}, exactly as scipy does,
   * so the result is bit-for-bit scipy's statistic before the exact method's rounding.
   *
   * @param sortedReference the reference sample in ascending order, not checked
   * @param sortedCurrent the current sample in ascending order, not checked
   * @return {@code D} in {@code [0, 1]}
   * @throws IllegalArgumentException if either sample is empty
   */
  public static double statistic(double[] sortedReference, double[] sortedCurrent) {
    requireNonEmpty(sortedReference, "reference");
    requireNonEmpty(sortedCurrent, "current");
    int m = sortedReference.length;
    int n = sortedCurrent.length;
    double max = 0;
    int i = 0;
    int j = 0;
    // Once one sample is used up its distribution function is 1 and |F − G| only decreases.
    while (i < m && j < n) {
      double value = sortedReference[i] <= sortedCurrent[j] ? sortedReference[i] : sortedCurrent[j];
      // Primitive `<=` treats -0.0 and 0.0 as one value, as numpy does.
      while (i < m && sortedReference[i] <= value) {
        i++;
      }
      while (j < n && sortedCurrent[j] <= value) {
        j++;
      }
      max = Math.max(max, Math.abs((double) i / m - (double) j / n));
    }
    return max;
  }

  private boolean usesExact(int m, int n) {
    return switch (method) {
      case AUTO -> Math.max(m, n) <= MAX_AUTO_EXACT_SIZE;
      case EXACT -> {
        int gcd = gcd(m, n);
        yield m / gcd < MAX_EXACT_LCM / (n / gcd);
      }
      case ASYMPTOTIC -> false;
    };
  }

  private static Result exact(double statistic, int m, int n) {
    int gcd = gcd(m, n);
    long lcm = (long) (m / gcd) * n;
    // D is a multiple of 1/lcm; rounding removes the error of the count/size subtractions.
    long h = (long) Math.rint(statistic * lcm);
    double latticeStatistic = (double) h / lcm;
    if (h == 0) {
      return new Result(latticeStatistic, 1.0, PValueMethod.EXACT);
    }
    double p =
        (m == n)
            ? SmirnovTwoSampleDistribution.equalSizes(n, h)
            : SmirnovTwoSampleDistribution.unequalSizes(m, n, gcd, h);
    if (p >= 0 && p <= 1) {
      return new Result(latticeStatistic, p, PValueMethod.EXACT);
    }
    // Rounding in the alternating sum left [0, 1]: scipy falls back, keeping the rounded D.
    return asymptotic(latticeStatistic, m, n);
  }

  private static Result asymptotic(double statistic, int m, int n) {
    double larger = Math.max(m, n);
    double smaller = Math.min(m, n);
    long effectiveSize = (long) Math.rint(larger * smaller / (larger + smaller));
    if (effectiveSize == 0) {
      // Only m = n = 1, where scipy's kstwo(n = 0) returns NaN. With one observation each, D = 1
      // almost surely under the null hypothesis, so P(D ≥ d) = 1 for any observed d.
      return new Result(statistic, 1.0, PValueMethod.ASYMPTOTIC);
    }
    double p = KolmogorovDistribution.sf((int) effectiveSize, statistic);
    return new Result(statistic, Math.min(1, Math.max(0, p)), PValueMethod.ASYMPTOTIC);
  }

  private static void requireNonEmpty(double[] sample, String name) {
    if (sample == null || sample.length == 0) {
      throw new IllegalArgumentException(name + " sample is empty");
    }
  }

  private static int gcd(int a, int b) {
    int x = a;
    int y = b;
    while (y != 0) {
      int remainder = x % y;
      x = y;
      y = remainder;
    }
    return x;
  }
}
