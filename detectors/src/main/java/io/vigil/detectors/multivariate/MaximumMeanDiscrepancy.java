package io.vigil.detectors.multivariate;

import io.vigil.detectors.drift.TwoSampleTestResult;
import java.util.Objects;

/**
 * The kernel two-sample test of Gretton et al. with the Gaussian (RBF) kernel {@code k(x, y) =
 * exp(−||x − y||² / (2σ²))}: it tests whether two samples of {@code d}-dimensional rows come from
 * the same distribution.
 *
 * <p>Bandwidth: by default the median heuristic, {@code σ} = the median Euclidean distance over all
 * pairs of the pooled rows formed by the first {@code min(m, 1000)} reference rows and the first
 * {@code min(n, 1000)} current rows (numpy's median; the numpy reference script does the same);
 * {@link #withBandwidth(double)} fixes it instead.
 *
 * <p>Estimators ({@link Estimator}):
 *
 * <ul>
 *   <li>{@link Estimator#UNBIASED_QUADRATIC}: the unbiased {@code MMD²_u} (Gretton et al. 2012, eq.
 *       3 and Lemma 6) and the permutation p-value {@code (1 + #{b : MMD²_b ≥ MMD²_u}) / (1 + B)}
 *       over {@code B} seeded relabellings of the pooled rows. Memory {@code 4(m + n)²} bytes (the
 *       kernel triangle), time {@code O((m + n)²(d + B))}.
 *   <li>{@link Estimator#LINEAR_TIME}: {@code MMD²_l} over {@code ⌊min(m, n)/2⌋} disjoint seeded
 *       quadruples, with its asymptotic normal p-value (§6, Corollary 16). Memory {@code O(m + n)}
 *       ints beyond the input, time {@code O(min(m, n)·d)}; it has less power than {@code MMD²_u}
 *       at equal size and uses only {@code 2·min(m, n)} rows of the larger sample.
 * </ul>
 *
 * <p>Both estimate the same {@code MMD² = ||μ_P − μ_Q||²} in the kernel's feature space, so a
 * threshold on the statistic means the same under either.
 *
 * <p>Reference: A. Gretton, K. M. Borgwardt, M. J. Rasch, B. Schölkopf, A. Smola (2012), "A kernel
 * two-sample test", Journal of Machine Learning Research 13, 723–773, <a
 * href="https://jmlr.org/papers/v13/gretton12a.html">jmlr.org/papers/v13/gretton12a.html</a>.
 */
public final class MaximumMeanDiscrepancy {

  /** Which estimator and p-value the test uses. */
  public enum Estimator {
    /**
     * {@link #UNBIASED_QUADRATIC} while {@code m + n ≤ 4,000} (a 64 MB kernel triangle, about
     * {@code 8·10⁶·B} multiply-adds for the permutations), else {@link #LINEAR_TIME}.
     */
    AUTO,
    /** {@code MMD²_u} with a permutation p-value. */
    UNBIASED_QUADRATIC,
    /** {@code MMD²_l} with its asymptotic normal p-value. */
    LINEAR_TIME
  }

  /** The largest pooled size {@link Estimator#AUTO} gives to the quadratic estimator. */
  public static final int MAX_AUTO_QUADRATIC_ROWS = 4_000;

  /** The default number of permutations: a p-value floor of 1/501. */
  public static final int DEFAULT_PERMUTATIONS = 500;

  /** The default seed of the permutations and of the linear-time pairing. */
  public static final long DEFAULT_SEED = 20_261_126L;

  /** Marks the median heuristic in {@link #fixedBandwidth}. */
  private static final double MEDIAN_HEURISTIC = Double.NaN;

  private static final MaximumMeanDiscrepancy DEFAULTS =
      new MaximumMeanDiscrepancy(
          Estimator.AUTO, DEFAULT_PERMUTATIONS, DEFAULT_SEED, MEDIAN_HEURISTIC);

  private final Estimator estimator;
  private final int permutations;
  private final long seed;
  private final double fixedBandwidth;

  private MaximumMeanDiscrepancy(
      Estimator estimator, int permutations, long seed, double fixedBandwidth) {
    this.estimator = estimator;
    this.permutations = permutations;
    this.seed = seed;
    this.fixedBandwidth = fixedBandwidth;
  }

  /**
   * {@link Estimator#AUTO}, {@value #DEFAULT_PERMUTATIONS} permutations, seed {@value
   * #DEFAULT_SEED}, median-heuristic bandwidth.
   */
  public static MaximumMeanDiscrepancy withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a test using {@code estimator}; this instance is unchanged.
   *
   * @throws NullPointerException if {@code estimator} is null
   */
  public MaximumMeanDiscrepancy with(Estimator estimator) {
    return new MaximumMeanDiscrepancy(
        Objects.requireNonNull(estimator, "estimator"), permutations, seed, fixedBandwidth);
  }

  /**
   * Returns a test drawing {@code permutations} relabellings for the quadratic p-value.
   *
   * @throws IllegalArgumentException if {@code permutations < 1}
   */
  public MaximumMeanDiscrepancy withPermutations(int permutations) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be at least 1: " + permutations);
    }
    return new MaximumMeanDiscrepancy(estimator, permutations, seed, fixedBandwidth);
  }

  /** Returns a test seeding its permutations and linear-time pairing with {@code seed}. */
  public MaximumMeanDiscrepancy withSeed(long seed) {
    return new MaximumMeanDiscrepancy(estimator, permutations, seed, fixedBandwidth);
  }

  /**
   * Returns a test with the fixed bandwidth {@code sigma} instead of the median heuristic.
   *
   * @throws IllegalArgumentException if {@code sigma} is not positive and finite
   */
  public MaximumMeanDiscrepancy withBandwidth(double sigma) {
    if (!(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("bandwidth must be positive and finite: " + sigma);
    }
    return new MaximumMeanDiscrepancy(estimator, permutations, seed, sigma);
  }

  /**
   * The outcome of one test.
   *
   * @param statistic the MMD² estimate ({@code MMD²_u} or {@code MMD²_l}); unbiased, so it can be
   *     negative when the distributions agree
   * @param pValue in {@code (0, 1]} for the permutation test, {@code [0, 1]} for the normal one
   * @param bandwidth the kernel's {@code σ}
   * @param estimator the estimator used, never {@link Estimator#AUTO}
   */
  public record Result(double statistic, double pValue, double bandwidth, Estimator estimator)
      implements TwoSampleTestResult {

    /**
     * @throws IllegalArgumentException if a figure is out of range or the estimator is AUTO
     */
    public Result {
      Objects.requireNonNull(estimator, "estimator");
      if (!Double.isFinite(statistic)) {
        throw new IllegalArgumentException("statistic must be finite: " + statistic);
      }
      if (!(pValue >= 0 && pValue <= 1)) {
        throw new IllegalArgumentException("pValue must be in [0, 1]: " + pValue);
      }
      if (!(bandwidth > 0 && bandwidth < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("bandwidth must be positive and finite: " + bandwidth);
      }
      if (estimator == Estimator.AUTO) {
        throw new IllegalArgumentException("estimator must be the one used, not AUTO");
      }
    }
  }

  /**
   * Tests whether the rows of {@code reference} ({@code m × d}) and {@code current} ({@code n × d})
   * come from the same distribution. The inputs are not modified.
   *
   * @throws IllegalArgumentException if a sample is empty, ragged, holds NaN or an infinity, or has
   *     too few rows (2 for the quadratic estimator, 4 for the linear one); if the samples differ
   *     in dimension; or if the median heuristic gives 0. The message names the sample and, where
   *     it applies, the row and column
   */
  public Result test(double[][] reference, double[][] current) {
    Rows.requireComparable(reference, current);
    Estimator used = resolve(reference.length + current.length);
    if (used == Estimator.UNBIASED_QUADRATIC) {
      Rows.requireAtLeast(reference, current, 2, "the unbiased estimator");
    } else {
      Rows.requireAtLeast(reference, current, LinearTimeMmd.MIN_ROWS, "the linear-time estimator");
    }
    double sigma =
        Double.isNaN(fixedBandwidth)
            ? MedianHeuristic.bandwidth(reference, current)
            : fixedBandwidth;
    GaussianKernel kernel = new GaussianKernel(sigma);
    if (used == Estimator.UNBIASED_QUADRATIC) {
      PooledKernelMatrix matrix = new PooledKernelMatrix(reference, current, kernel);
      return new Result(
          matrix.unbiasedStatistic(), matrix.permutationPValue(permutations, seed), sigma, used);
    }
    double[] statisticAndPValue = LinearTimeMmd.test(reference, current, kernel, seed);
    return new Result(statisticAndPValue[0], statisticAndPValue[1], sigma, used);
  }

  private Estimator resolve(long pooledRows) {
    if (estimator != Estimator.AUTO) {
      return estimator;
    }
    return pooledRows <= MAX_AUTO_QUADRATIC_ROWS
        ? Estimator.UNBIASED_QUADRATIC
        : Estimator.LINEAR_TIME;
  }
}
