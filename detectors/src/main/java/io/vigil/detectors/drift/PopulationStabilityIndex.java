package io.vigil.detectors.drift;

/**
 * The population stability index (PSI) of the current category proportions against the reference
 * ones.
 *
 * <pre>
 *   PSI(r, c) = sum_i (c_i - r_i) ln(c_i / r_i)
 * </pre>
 *
 * <p>Zero proportions are replaced by {@code epsilon} (default {@value #DEFAULT_EPSILON}) without
 * rescaling the others, so a category empty in one sample adds a large but finite term. Without
 * empty categories PSI is the symmetrised Kullback-Leibler divergence {@code KL(r || c) + KL(c ||
 * r)} (Jeffreys' divergence). It is symmetric in the two samples, every term is non-negative, and
 * it is 0 for equal proportions. Rules of thumb in credit scoring read {@code < 0.1} as stable and
 * {@code > 0.25} as a major shift.
 *
 * <p>References: H. Jeffreys, "An invariant form for the prior probability in estimation problems",
 * Proceedings of the Royal Society A 186, 453-461 (1946), doi:10.1098/rspa.1946.0056; B. Yurdakul
 * and J. Naranjo, "Statistical properties of the population stability index", Journal of Risk Model
 * Validation (2020), doi:10.21314/JRMV.2020.227.
 */
public final class PopulationStabilityIndex {

  /** The proportion that replaces an empty category, the usual choice in drift monitoring. */
  public static final double DEFAULT_EPSILON = 1e-4;

  private static final PopulationStabilityIndex DEFAULT =
      new PopulationStabilityIndex(DEFAULT_EPSILON);

  /** Within this relative distance of 1, ln(c / r) is taken as log1p((c - r) / r). */
  private static final double LOG1P_LIMIT = 0.5;

  private final double epsilon;

  private PopulationStabilityIndex(double epsilon) {
    this.epsilon = epsilon;
  }

  /** PSI with zero proportions replaced by {@value #DEFAULT_EPSILON}. */
  public static PopulationStabilityIndex withDefaults() {
    return DEFAULT;
  }

  /**
   * Returns an instance replacing zero proportions by {@code epsilon}.
   *
   * @throws IllegalArgumentException if {@code epsilon} is not in {@code (0, 1)}
   */
  public PopulationStabilityIndex withEpsilon(double epsilon) {
    return new PopulationStabilityIndex(Proportions.requireEpsilon(epsilon));
  }

  /** The proportion that replaces an empty category. */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Computes the index for two aligned count vectors; the arrays are not modified.
   *
   * @param referenceCounts counts per category in the reference sample
   * @param currentCounts counts per category in the current sample, aligned on the same categories
   * @return the index, {@code >= 0} and finite
   * @throws IllegalArgumentException if the lengths differ, a count is negative, or a sample has no
   *     observations
   */
  public double between(long[] referenceCounts, long[] currentCounts) {
    Proportions proportions =
        Proportions.of(referenceCounts, currentCounts).withZerosReplacedBy(epsilon);
    return proportions.sum(i -> term(proportions, i));
  }

  private static double term(Proportions proportions, int category) {
    double r = proportions.reference(category);
    double c = proportions.current(category);
    // c - r from the counts: the rounded proportions would share most of their digits
    double shift = -proportions.difference(category);
    double relativeShift = shift / r;
    double logRatio =
        Math.abs(relativeShift) < LOG1P_LIMIT ? Math.log1p(relativeShift) : Math.log(c / r);
    return shift * logRatio;
  }
}
