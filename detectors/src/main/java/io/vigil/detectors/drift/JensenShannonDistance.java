package io.vigil.detectors.drift;

/**
 * The Jensen-Shannon distance between the category proportions of a reference and a current sample.
 *
 * <p>With {@code p} and {@code q} the proportions and {@code m = (p + q) / 2}:
 *
 * <pre>
 *   JS(p, q) = sqrt( (KL(p || m) + KL(q || m)) / 2 ),   KL(p || m) = sum_i p_i ln(p_i / m_i)
 * </pre>
 *
 * <p>Natural logarithm and no smoothing, like {@code scipy.spatial.distance.jensenshannon(p, q)}: a
 * category empty in one sample is fine ({@code 0 ln 0 = 0}). The distance is symmetric, a metric,
 * and lies in {@code [0, sqrt(ln 2)]}: 0 for equal proportions, {@code sqrt(ln 2)} for disjoint
 * supports.
 *
 * <p>Reference: J. Lin, "Divergence measures based on the Shannon entropy", IEEE Transactions on
 * Information Theory 37(1), 145-151 (1991), doi:10.1109/18.61115; D. M. Endres and J. E.
 * Schindelin, "A new metric for probability distributions", IEEE Transactions on Information Theory
 * 49(7), 1858-1860 (2003), doi:10.1109/TIT.2003.813506.
 */
public final class JensenShannonDistance {

  private static final JensenShannonDistance DEFAULT = new JensenShannonDistance();

  /** The largest divergence, reached by disjoint supports. */
  private static final double MAX_DIVERGENCE = Math.log(2);

  /** From this |d| on, the closed form loses at most a factor 4 to cancellation. */
  private static final double SERIES_LIMIT = 0.5;

  private JensenShannonDistance() {}

  /** The distance with natural logarithms, as scipy computes it. */
  public static JensenShannonDistance withDefaults() {
    return DEFAULT;
  }

  /**
   * Computes the distance between two aligned count vectors; the arrays are not modified.
   *
   * @param referenceCounts counts per category in the reference sample
   * @param currentCounts counts per category in the current sample, aligned on the same categories
   * @return the distance in {@code [0, sqrt(ln 2)]}
   * @throws IllegalArgumentException if the lengths differ, a count is negative, or a sample has no
   *     observations
   */
  public double between(long[] referenceCounts, long[] currentCounts) {
    Proportions proportions = Proportions.of(referenceCounts, currentCounts);
    double divergence = proportions.sum(i -> pairTerm(proportions, i)) / 2;
    // rounding may push disjoint supports an ulp past the bound
    return Math.sqrt(Math.min(divergence, MAX_DIVERGENCE));
  }

  /**
   * {@code p ln(p/m) + q ln(q/m)} for one category, written as {@code m g(d)} with {@code d = (p -
   * q) / (p + q)} and {@code g(d) = (1+d) ln(1+d) + (1-d) ln(1-d)}: non-negative, so the sum over
   * categories has no cancellation, unlike the two separate KL sums.
   */
  private static double pairTerm(Proportions proportions, int category) {
    double p = proportions.reference(category);
    double q = proportions.current(category);
    if (p == 0 || q == 0) {
      // m = (p + q) / 2 and the empty side contributes 0 ln 0 = 0
      return (p + q) * MAX_DIVERGENCE;
    }
    double total = p + q;
    double d = proportions.difference(category) / total;
    if (Math.abs(d) >= SERIES_LIMIT) {
      // from p and q themselves: 1 - |d| may round to 0 when one proportion dwarfs the other
      return p * Math.log(2 * p / total) + q * Math.log(2 * q / total);
    }
    return total / 2 * g(d);
  }

  /**
   * {@code g(d) = sum_k d^(2k) / (k (2k - 1))} for {@code |d| < 1/2}, where the closed form would
   * lose the digits of {@code d} to cancellation.
   */
  private static double g(double d) {
    double square = d * d;
    double power = square;
    double sum = 0;
    // terms shrink by at least a factor 4, so this stops within 30 iterations
    for (int k = 1; power > 0; k++) {
      double term = power / (k * (2.0 * k - 1));
      sum += term;
      if (term <= sum * 0x1p-54) {
        break;
      }
      power *= square;
    }
    return sum;
  }
}
