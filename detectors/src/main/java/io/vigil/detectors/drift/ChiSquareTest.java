package io.vigil.detectors.drift;

import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of homogeneity for two samples of a categorical feature: do the
 * reference and current counts come from the same category distribution?
 *
 * <p>The counts form a 2 x k contingency table with row totals {@code R} (reference), {@code M}
 * (current), column totals {@code C_j = r_j + c_j} and {@code N = R + M}. With the expected counts
 * {@code R C_j / N} and {@code M C_j / N}, the statistic reduces to
 *
 * <pre>
 *   X^2 = sum_j (R c_j - M r_j)^2 / (R M C_j)
 * </pre>
 *
 * <p>and has {@code k - 1} degrees of freedom. The numerator is evaluated from the integer counts
 * with exact products, rather than as observed minus expected, so counts up to about 10^15 lose no
 * digits to cancellation. With Yates' continuity correction each |observed - expected| is reduced
 * by {@code min(0.5, |observed - expected|)}, i.e. {@code |R c_j - M r_j|} by up to {@code N / 2}.
 * The p-value is the chi-squared survival function, accurate in the far tail.
 *
 * <p>A category with zero count in both samples is dropped: it says nothing about homogeneity and
 * its expected count of zero would make the statistic undefined. The defaults match {@code
 * scipy.stats.chi2_contingency(table)}, which corrects only 2 x 2 tables (one degree of freedom).
 *
 * <p>References: K. Pearson, "On the criterion that a given system of deviations from the probable
 * in the case of a correlated system of variables is such that it can be reasonably supposed to
 * have arisen from random sampling", Philosophical Magazine 50(302), 157-175 (1900),
 * doi:10.1080/14786440009463897; F. Yates, "Contingency tables involving small numbers and the
 * chi-square test", Supplement to the Journal of the Royal Statistical Society 1(2), 217-235
 * (1934), doi:10.2307/2983604.
 */
public final class ChiSquareTest {

  /** Whether the statistic is corrected for the continuity of the chi-squared approximation. */
  public enum ContinuityCorrection {
    /** Pearson's statistic as is. */
    NONE,
    /**
     * Yates' correction when the table has one degree of freedom (two categories), none otherwise:
     * scipy's default. It makes the test conservative for small counts.
     */
    YATES_FOR_ONE_DEGREE_OF_FREEDOM
  }

  /**
   * The outcome of the test.
   *
   * @param statistic the (possibly corrected) chi-square statistic, {@code >= 0}
   * @param pValue the probability of a statistic at least as large under homogeneity
   * @param degreesOfFreedom the number of categories observed in either sample, minus one
   */
  public record Result(double statistic, double pValue, int degreesOfFreedom)
      implements TwoSampleTestResult {}

  private static final ChiSquareTest DEFAULT =
      new ChiSquareTest(ContinuityCorrection.YATES_FOR_ONE_DEGREE_OF_FREEDOM);

  private final ContinuityCorrection continuityCorrection;

  private ChiSquareTest(ContinuityCorrection continuityCorrection) {
    this.continuityCorrection = continuityCorrection;
  }

  /** The test with Yates' correction for one degree of freedom, like scipy's default. */
  public static ChiSquareTest withDefaults() {
    return DEFAULT;
  }

  /** Returns an instance with the given continuity correction. */
  public ChiSquareTest with(ContinuityCorrection correction) {
    return new ChiSquareTest(Objects.requireNonNull(correction, "correction"));
  }

  /**
   * Tests whether two aligned count vectors come from the same category distribution; the arrays
   * are not modified.
   *
   * @param referenceCounts counts per category in the reference sample
   * @param currentCounts counts per category in the current sample, aligned on the same categories
   * @return the statistic, p-value and degrees of freedom
   * @throws IllegalArgumentException if the lengths differ, a count is negative, a sample has no
   *     observations, a sample's total count exceeds {@link Long#MAX_VALUE}, or fewer than two
   *     categories are observed in either sample
   */
  public Result test(long[] referenceCounts, long[] currentCounts) {
    Samples.requireAlignedCounts(referenceCounts, currentCounts);
    double referenceTotal = Proportions.total(referenceCounts, "reference");
    double currentTotal = Proportions.total(currentCounts, "current");
    int observedCategories = countObserved(referenceCounts, currentCounts);
    if (observedCategories < 2) {
      throw new IllegalArgumentException(
          "chi-square needs at least two categories observed in either sample, got "
              + observedCategories);
    }
    int degreesOfFreedom = observedCategories - 1;
    boolean yates =
        continuityCorrection == ContinuityCorrection.YATES_FOR_ONE_DEGREE_OF_FREEDOM
            && degreesOfFreedom == 1;
    // in double: the pooled total may exceed Long.MAX_VALUE, and N / 2 stays exact below 2^53
    double halfTotal = (referenceTotal + currentTotal) / 2;

    double statistic =
        Proportions.sum(
            referenceCounts.length,
            j -> {
              double columnTotal = (double) referenceCounts[j] + currentCounts[j];
              if (columnTotal == 0) {
                return 0;
              }
              double deviation =
                  Math.abs(
                      Proportions.crossDifference(
                          referenceTotal, currentCounts[j], currentTotal, referenceCounts[j]));
              if (yates) {
                deviation = Math.max(0, deviation - halfTotal);
              }
              return deviation * deviation / (columnTotal * referenceTotal * currentTotal);
            });
    double pValue = ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(statistic);
    return new Result(statistic, pValue, degreesOfFreedom);
  }

  private static int countObserved(long[] referenceCounts, long[] currentCounts) {
    int observed = 0;
    for (int j = 0; j < referenceCounts.length; j++) {
      if (referenceCounts[j] != 0 || currentCounts[j] != 0) {
        observed++;
      }
    }
    return observed;
  }
}
