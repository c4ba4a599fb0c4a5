package io.vigil.detectors.drift;

/**
 * The total variation distance between the category proportions of a reference and a current
 * sample: the largest difference in probability the two can assign to one set of categories.
 *
 * <pre>
 *   TV(p, q) = (1/2) sum_i |p_i - q_i|
 * </pre>
 *
 * <p>Symmetric, a metric, and in {@code [0, 1]}: 0 for equal proportions, 1 for disjoint supports.
 *
 * <p>Reference: A. L. Gibbs and F. E. Su, "On choosing and bounding probability metrics",
 * International Statistical Review 70(3), 419-435 (2002), doi:10.1111/j.1751-5823.2002.tb00178.x.
 */
public final class TotalVariationDistance {

  private static final TotalVariationDistance DEFAULT = new TotalVariationDistance();

  private TotalVariationDistance() {}

  /** The total variation distance (no options). */
  public static TotalVariationDistance withDefaults() {
    return DEFAULT;
  }

  /**
   * Computes the distance between two aligned count vectors; the arrays are not modified.
   *
   * @param referenceCounts counts per category in the reference sample
   * @param currentCounts counts per category in the current sample, aligned on the same categories
   * @return the distance in {@code [0, 1]}
   * @throws IllegalArgumentException if the lengths differ, a count is negative, or a sample has no
   *     observations
   */
  public double between(long[] referenceCounts, long[] currentCounts) {
    Proportions proportions = Proportions.of(referenceCounts, currentCounts);
    double sum = proportions.sum(i -> Math.abs(proportions.difference(i)));
    // rounding may push disjoint supports an ulp past the bound
    return Math.min(1, sum / 2);
  }
}
