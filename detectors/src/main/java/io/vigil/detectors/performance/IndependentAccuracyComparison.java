package io.vigil.detectors.performance;

import io.vigil.detectors.drift.TwoProportionZTest;

/**
 * Compares the accuracies of two model versions scored on different requests: the difference {@code
 * θ = p_A − p_B} with Newcombe's hybrid score interval, and the pooled two-proportion z-test.
 *
 * <p>With Wilson intervals {@code [l_A, u_A]} and {@code [l_B, u_B]} (see {@link
 * WilsonScoreInterval}) at the same level, Newcombe's method 10 gives
 *
 * <pre>
 *   lower = θ − sqrt( (p_A − l_A)² + (u_B − p_B)² )
 *   upper = θ + sqrt( (u_A − p_A)² + (p_B − l_B)² )
 * </pre>
 *
 * <p>which, unlike the Wald interval, stays inside {@code [−1, 1]} and keeps its coverage near the
 * nominal level for small samples and accuracies near 0 or 1. The z statistic and two-sided p-value
 * are those of {@link TwoProportionZTest} (pooled variance, {@code z = 0, p = 1} when both versions
 * are all right or all wrong); {@code z > 0} when version A is more accurate.
 *
 * <p>Reference: R. G. Newcombe (1998), "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17(8), 873–890, <a
 * href="https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C873::AID-SIM779%3E3.0.CO;2-I">doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I</a>.
 */
public final class IndependentAccuracyComparison {

  /**
   * The comparison.
   *
   * @param difference {@code p_A − p_B} with its Newcombe interval
   * @param zStatistic the pooled z statistic, positive when A is more accurate
   * @param pValue the two-sided p-value of equal accuracies, in {@code [0, 1]}
   */
  public record Result(ConfidenceInterval difference, double zStatistic, double pValue) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if the statistic is not finite or the p-value is outside
     *     {@code [0, 1]}
     */
    public Result {
      if (!Double.isFinite(zStatistic)) {
        throw new IllegalArgumentException("z statistic must be finite but is " + zStatistic);
      }
      ClassMetrics.requireUnit(pValue, "p-value");
    }
  }

  private static final IndependentAccuracyComparison DEFAULTS =
      new IndependentAccuracyComparison(WilsonScoreInterval.withDefaults());

  private final WilsonScoreInterval wilson;

  private IndependentAccuracyComparison(WilsonScoreInterval wilson) {
    this.wilson = wilson;
  }

  /** The comparison with a 95% interval. */
  public static IndependentAccuracyComparison withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns the comparison at {@code level}; this instance is unchanged.
   *
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public IndependentAccuracyComparison withConfidenceLevel(double level) {
    return new IndependentAccuracyComparison(wilson.withConfidenceLevel(level));
  }

  /**
   * Compares {@code correctA/totalA} with {@code correctB/totalB}.
   *
   * @throws IllegalArgumentException if a total is not positive or a correct count is outside
   *     {@code [0, total]}
   */
  public Result compare(long correctA, long totalA, long correctB, long totalB) {
    ConfidenceInterval a = wilson.of(correctA, totalA);
    ConfidenceInterval b = wilson.of(correctB, totalB);
    double difference = a.estimate() - b.estimate();
    double below = Math.hypot(a.estimate() - a.lower(), b.upper() - b.estimate());
    double above = Math.hypot(a.upper() - a.estimate(), b.estimate() - b.lower());
    TwoProportionZTest.Result z =
        TwoProportionZTest.withDefaults().test(correctA, totalA, correctB, totalB);
    return new Result(
        new ConfidenceInterval(difference, difference - below, difference + above, wilson.level()),
        z.statistic(),
        z.pValue());
  }

  /**
   * Compares the accuracies counted in two confusion matrices.
   *
   * @throws IllegalArgumentException if either matrix is empty
   */
  public Result compare(ConfusionMatrix a, ConfusionMatrix b) {
    return compare(a.correct(), a.size(), b.correct(), b.size());
  }
}
