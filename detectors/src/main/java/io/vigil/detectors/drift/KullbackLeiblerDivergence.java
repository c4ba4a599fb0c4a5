package io.vigil.detectors.drift;

/**
 * The Kullback-Leibler divergence of the current category proportions from the reference ones,
 * {@code KL(reference || current)}.
 *
 * <p>Zero proportions are first replaced by {@code epsilon} (default {@value #DEFAULT_EPSILON}) so
 * the divergence stays finite when a category is empty in one sample, then both vectors are
 * rescaled to sum to one, like {@code scipy.stats.entropy(p, q)}:
 *
 * <pre>
 *   KL(p || q) = sum_i p_i ln(p_i / q_i)
 * </pre>
 *
 * <p>Not symmetric: {@code KL(p || q) != KL(q || p)} in general; here {@code p} is always the
 * reference. Non-negative, 0 for equal proportions, unbounded above. Since both vectors sum to one,
 * each term is evaluated as {@code p ln(p/q) - (p - q) >= 0}, so the sum has no cancellation
 * between positive and negative terms.
 *
 * <p>Reference: S. Kullback and R. A. Leibler, "On information and sufficiency", Annals of
 * Mathematical Statistics 22(1), 79-86 (1951), doi:10.1214/aoms/1177729694.
 */
public final class KullbackLeiblerDivergence {

  /** The proportion that replaces an empty category, the usual choice in drift monitoring. */
  public static final double DEFAULT_EPSILON = 1e-4;

  private static final KullbackLeiblerDivergence DEFAULT =
      new KullbackLeiblerDivergence(DEFAULT_EPSILON);

  /** Below this |u| the closed form would cancel, so its Taylor series is used. */
  private static final double SERIES_LIMIT = 0.25;

  private final double epsilon;

  private KullbackLeiblerDivergence(double epsilon) {
    this.epsilon = epsilon;
  }

  /** KL(reference || current) with zero proportions replaced by {@value #DEFAULT_EPSILON}. */
  public static KullbackLeiblerDivergence withDefaults() {
    return DEFAULT;
  }

  /**
   * Returns an instance replacing zero proportions by {@code epsilon}.
   *
   * @throws IllegalArgumentException if {@code epsilon} is not in {@code (0, 1)}
   */
  public KullbackLeiblerDivergence withEpsilon(double epsilon) {
    return new KullbackLeiblerDivergence(Proportions.requireEpsilon(epsilon));
  }

  /** The proportion that replaces an empty category. */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Computes {@code KL(reference || current)} for two aligned count vectors; the arrays are not
   * modified.
   *
   * @param referenceCounts counts per category in the reference sample
   * @param currentCounts counts per category in the current sample, aligned on the same categories
   * @return the divergence, {@code >= 0} and finite
   * @throws IllegalArgumentException if the lengths differ, a count is negative, or a sample has no
   *     observations
   */
  public double between(long[] referenceCounts, long[] currentCounts) {
    Proportions proportions =
        Proportions.of(referenceCounts, currentCounts).withZerosReplacedBy(epsilon).renormalized();
    return proportions.sum(i -> term(proportions, i));
  }

  /** {@code p ln(p/q) - (p - q) = q phi(u)} with {@code u = (p - q) / q}. */
  private static double term(Proportions proportions, int category) {
    double p = proportions.reference(category);
    double q = proportions.current(category);
    double difference = proportions.difference(category);
    double u = difference / q;
    if (Math.abs(u) >= SERIES_LIMIT) {
      return p * Math.log(p / q) - difference;
    }
    return q * phi(u);
  }

  /**
   * {@code phi(u) = (1 + u) ln(1 + u) - u = sum_{k >= 2} (-u)^k / (k (k - 1))}: the closed form
   * loses the digits of {@code u} itself, the series none.
   */
  private static double phi(double u) {
    double power = u * u;
    double sum = 0;
    // terms shrink by at least a factor 4, so this stops within 30 iterations
    for (int k = 2; power != 0; k++) {
      double term = power / (k * (k - 1.0));
      sum += term;
      if (Math.abs(term) <= Math.abs(sum) * 0x1p-54) {
        break;
      }
      power *= -u;
    }
    return sum;
  }
}
