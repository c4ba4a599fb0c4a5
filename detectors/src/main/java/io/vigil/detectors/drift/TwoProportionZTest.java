package io.vigil.detectors.drift;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The two-sided two-proportion z-test for a binary feature: is the success rate of the current
 * sample the same as the reference's?
 *
 * <p>With {@code s} successes out of {@code n} in the reference, {@code t} out of {@code m} in the
 * current sample, and the pooled proportion {@code P = (s + t) / (n + m)}:
 *
 * <pre>
 *   z = (s/n - t/m) / sqrt( P (1 - P) (1/n + 1/m) ),   p = 2 (1 - Phi(|z|))
 * </pre>
 *
 * <p>evaluated as {@code z = (s m - t n) / sqrt(S F n m / N)} with {@code S} successes and {@code
 * F} failures pooled over {@code N = n + m} observations, from exact integer products, so that
 * nearly equal rates lose no digits. A positive {@code z} means the reference rate is higher.
 * {@code z^2} equals Pearson's uncorrected chi-square statistic of the 2 x 2 table.
 *
 * <p>When the pooled proportion is 0 or 1 both samples are all failures or all successes: the
 * variance is 0, there is no evidence of a difference, and the result is {@code z = 0}, {@code p =
 * 1} (rather than 0/0).
 *
 * <p>Reference: J. L. Fleiss, B. Levin and M. C. Paik, <i>Statistical Methods for Rates and
 * Proportions</i>, 3rd ed., Wiley (2003), doi:10.1002/0471445428.
 */
public final class TwoProportionZTest {

  /**
   * The outcome of the test.
   *
   * @param statistic the z statistic, positive when the reference rate is higher
   * @param pValue the two-sided p-value
   */
  public record Result(double statistic, double pValue) implements TwoSampleTestResult {}

  private static final TwoProportionZTest DEFAULT = new TwoProportionZTest();

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private TwoProportionZTest() {}

  /** The two-sided test with the pooled variance. */
  public static TwoProportionZTest withDefaults() {
    return DEFAULT;
  }

  /**
   * Tests whether two success rates are equal.
   *
   * @param referenceSuccesses successes in the reference sample
   * @param referenceTotal observations in the reference sample
   * @param currentSuccesses successes in the current sample
   * @param currentTotal observations in the current sample
   * @return the z statistic and two-sided p-value
   * @throws IllegalArgumentException if a total is not positive or successes are negative or exceed
   *     their total
   */
  public Result test(
      long referenceSuccesses, long referenceTotal, long currentSuccesses, long currentTotal) {
    requireBinomial(referenceSuccesses, referenceTotal, "reference");
    requireBinomial(currentSuccesses, currentTotal, "current");
    // in double: the pooled counts may exceed Long.MAX_VALUE, and they are exact below 2^53
    double pooledTotal = (double) referenceTotal + currentTotal;
    double pooledSuccesses = (double) referenceSuccesses + currentSuccesses;
    double pooledFailures =
        (double) (referenceTotal - referenceSuccesses) + (currentTotal - currentSuccesses);
    if (pooledSuccesses == 0 || pooledFailures == 0) {
      return new Result(0, 1);
    }
    double rateDifference =
        Proportions.crossDifference(
            referenceSuccesses, currentTotal, currentSuccesses, referenceTotal);
    // the product of the totals first keeps the result exactly antisymmetric in the samples
    double totalsProduct = (double) referenceTotal * currentTotal;
    double scale = Math.sqrt(pooledSuccesses / pooledTotal * pooledFailures * totalsProduct);
    double z = rateDifference / scale;
    double pValue = Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    return new Result(z, pValue);
  }

  private static void requireBinomial(long successes, long total, String name) {
    if (total <= 0) {
      throw new IllegalArgumentException(name + " total must be positive but is " + total);
    }
    if (successes < 0 || successes > total) {
      throw new IllegalArgumentException(
          name + " successes must be in [0, " + total + "] but are " + successes);
    }
  }
}
