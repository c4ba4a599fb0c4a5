package io.vigil.detectors.drift;

/**
 * The method chosen when a feature has no override.
 *
 * <ol>
 *   <li>At most two distinct values in both samples together (a binary feature, numeric or
 *       categorical): the two-proportion z-test, effect size Cohen's h.
 *   <li>A categorical feature, or a numeric one with at most {@value #LOW_CARDINALITY} distinct
 *       values (codes, counts, ratings): the chi-square test with sparse categories pooled, effect
 *       size Cramér's V. ECDF tests assume a continuous distribution and turn conservative under
 *       heavy ties.
 *   <li>Any other numeric feature: Cramér–von Mises, effect size the KS distance. Its statistic is
 *       nearly continuous, so its false-positive rate stays at α even for 100 rows, where the KS
 *       test's discreteness holds it near 3.6% at α = 5%; unlike Anderson–Darling its p-value is
 *       not capped at 0.001, which would defeat the correction across many features.
 * </ol>
 *
 * <p>Sample size enters through the tests themselves (exact p-values for small samples, asymptotic
 * ones for large), through the pooling of categories whose expected count falls below 5, and
 * through the effect-size threshold, which keeps huge samples from calling every negligible
 * difference drift. Evidently's rule, the baseline this improves on, drops significance altogether
 * above 1,000 rows and applies no effect size below it.
 */
final class AutomaticMethod {

  /** Numeric features with at most this many distinct values are compared as categories. */
  static final int LOW_CARDINALITY = 10;

  private AutomaticMethod() {}

  static DriftMethod choose(FeatureComparison comparison) {
    int distinct = comparison.distinctValues(LOW_CARDINALITY + 1);
    if (distinct <= 2) {
      return DriftMethod.Z_TEST;
    }
    if (!comparison.isNumeric() || distinct <= LOW_CARDINALITY) {
      return DriftMethod.CHI_SQUARE;
    }
    return DriftMethod.CRAMER_VON_MISES;
  }
}
