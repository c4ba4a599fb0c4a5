package io.vigil.detectors.drift;

/**
 * The Hellinger distance between the category proportions of a reference and a current sample.
 *
 * <pre>
 *   H(p, q) = sqrt( (1/2) sum_i (sqrt(p_i) - sqrt(q_i))^2 )
 * </pre>
 *
 * <p>No smoothing. Symmetric, a metric, and in {@code [0, 1]}: 0 for equal proportions, 1 for
 * disjoint supports. Each term is evaluated as {@code (p_i - q_i)^2 / (sqrt(p_i) + sqrt(q_i))^2}
 * with {@code p_i - q_i} taken from the counts, because the difference of two nearly equal square
 * roots keeps few correct digits.
 *
 * <p>Reference: E. Hellinger, "Neue Begründung der Theorie quadratischer Formen von unendlichvielen
 * Veränderlichen", Journal für die reine und angewandte Mathematik 136, 210-271 (1909),
 * doi:10.1515/crll.1909.136.210; L. Le Cam and G. L. Yang, <i>Asymptotics in Statistics</i>,
 * Springer (2000), doi:10.1007/978-1-4612-1166-2.
 */
public final class HellingerDistance {

  private static final HellingerDistance DEFAULT = new HellingerDistance();

  private HellingerDistance() {}

  /** The Hellinger distance (no options). */
  public static HellingerDistance withDefaults() {
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
    double sum = proportions.sum(i -> squaredRootDifference(proportions, i));
    // rounding may push disjoint supports an ulp past the bound
    return Math.min(1, Math.sqrt(sum / 2));
  }

  private static double squaredRootDifference(Proportions proportions, int category) {
    double rootSum =
        Math.sqrt(proportions.reference(category)) + Math.sqrt(proportions.current(category));
    if (rootSum == 0) {
      return 0;
    }
    double ratio = proportions.difference(category) / rootSum;
    return ratio * ratio;
  }
}
