package io.vigil.detectors.multivariate;

import java.util.Objects;

/**
 * Drift between two samples of embeddings (rows of a {@code d}-dimensional vector each): the {@link
 * MaximumMeanDiscrepancy} test plus the cosine distance between the mean embeddings,
 *
 * <pre>
 *   cosineDistance = 1 − cos(a, b) = ||a/|a| − b/|b|||² / 2,   a = mean(reference), b = mean(current)
 * </pre>
 *
 * <p>(the second form avoids the cancellation of {@code 1 − cos} near 0). Drift is declared when
 * the MMD p-value is below the significance level {@code α} <em>and</em> at least one effect is
 * above its threshold: {@code MMD² > mmd2Threshold} or {@code cosineDistance >
 * cosineDistanceThreshold}. The p-value alone flags negligible shifts once samples are large; the
 * thresholds ask for a shift larger than sampling noise at {@code n = 1,000}.
 *
 * <p>Default thresholds, from a seeded simulation (numpy seed 20261127, recorded with its results
 * by {@code detectors/src/test/python/generate_mmd_reference.py}) of two independent samples of
 * {@code n = 1,000} rows each from one distribution in {@code d = 32} dimensions:
 *
 * <ul>
 *   <li>{@value #DEFAULT_COSINE_DISTANCE_THRESHOLD} for the cosine distance: rows {@code μ + e}
 *       with {@code |μ| = 1} and {@code e ~ N(0, I/32)}, so that two rows have cosine similarity
 *       about 0.5, as typical text embeddings do; over 2,000 replications the 99th percentile was
 *       0.0016 (maximum 0.0019), rounded up.
 *   <li>{@value #DEFAULT_MMD2_THRESHOLD} for {@code MMD²}: rows {@code N(0, I)} (with the median
 *       heuristic, MMD² does not depend on location or scale); over 500 replications the 99th
 *       percentile of {@code MMD²_u} was 0.00037 (maximum 0.00058), rounded up.
 * </ul>
 *
 * <p>Both null figures shrink like {@code 1/n}: above {@code n = 1,000} the thresholds demand a
 * shift beyond sampling noise; below it (at {@code n = 500} the null cosine distance is about 0.002
 * on average) they are within the noise and the decision rests on the p-value alone. Set them for
 * the sample size and embedding model in use where it matters.
 *
 * <p>The cosine distance of means is only informative when the embeddings share a non-zero mean
 * direction (as most embedding models' outputs do); for centred embeddings it is noise and the MMD
 * carries the decision.
 */
public final class EmbeddingDrift {

  /** The default cosine-distance threshold (see the class comment). */
  public static final double DEFAULT_COSINE_DISTANCE_THRESHOLD = 0.002;

  /** The default MMD² threshold (see the class comment). */
  public static final double DEFAULT_MMD2_THRESHOLD = 0.0004;

  /** The default significance level for the MMD p-value. */
  public static final double DEFAULT_SIGNIFICANCE = 0.05;

  private static final EmbeddingDrift DEFAULTS =
      new EmbeddingDrift(
          MaximumMeanDiscrepancy.withDefaults(),
          DEFAULT_SIGNIFICANCE,
          DEFAULT_MMD2_THRESHOLD,
          DEFAULT_COSINE_DISTANCE_THRESHOLD);

  private final MaximumMeanDiscrepancy mmd;
  private final double significance;
  private final double mmd2Threshold;
  private final double cosineDistanceThreshold;

  private EmbeddingDrift(
      MaximumMeanDiscrepancy mmd,
      double significance,
      double mmd2Threshold,
      double cosineDistanceThreshold) {
    this.mmd = mmd;
    this.significance = significance;
    this.mmd2Threshold = mmd2Threshold;
    this.cosineDistanceThreshold = cosineDistanceThreshold;
  }

  /** The default MMD test, {@code α = 0.05} and the default thresholds. */
  public static EmbeddingDrift withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a detector running {@code mmd}; this instance is unchanged.
   *
   * @throws NullPointerException if {@code mmd} is null
   */
  public EmbeddingDrift with(MaximumMeanDiscrepancy mmd) {
    return new EmbeddingDrift(
        Objects.requireNonNull(mmd, "mmd"), significance, mmd2Threshold, cosineDistanceThreshold);
  }

  /**
   * Returns a detector with significance level {@code alpha}.
   *
   * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
   */
  public EmbeddingDrift withSignificance(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance must be in (0, 1): " + alpha);
    }
    return new EmbeddingDrift(mmd, alpha, mmd2Threshold, cosineDistanceThreshold);
  }

  /**
   * Returns a detector with MMD² threshold {@code threshold}.
   *
   * @throws IllegalArgumentException if {@code threshold} is negative or not finite
   */
  public EmbeddingDrift withMmd2Threshold(double threshold) {
    return new EmbeddingDrift(
        mmd, significance, requireThreshold(threshold, "MMD²"), cosineDistanceThreshold);
  }

  /**
   * Returns a detector with cosine-distance threshold {@code threshold}.
   *
   * @throws IllegalArgumentException if {@code threshold} is negative or not finite
   */
  public EmbeddingDrift withCosineDistanceThreshold(double threshold) {
    return new EmbeddingDrift(
        mmd, significance, mmd2Threshold, requireThreshold(threshold, "cosine distance"));
  }

  /**
   * The outcome of one comparison.
   *
   * @param mmd the MMD test's result
   * @param cosineDistance {@code 1 − cos} of the mean embeddings, in {@code [0, 2]}
   * @param drifted {@code p < α} and at least one effect above its threshold
   */
  public record Result(MaximumMeanDiscrepancy.Result mmd, double cosineDistance, boolean drifted) {

    /**
     * @throws IllegalArgumentException if {@code cosineDistance} is not in {@code [0, 2]}
     */
    public Result {
      Objects.requireNonNull(mmd, "mmd");
      if (!(cosineDistance >= 0 && cosineDistance <= 2)) {
        throw new IllegalArgumentException("cosineDistance must be in [0, 2]: " + cosineDistance);
      }
    }
  }

  /**
   * Compares the embeddings {@code reference} ({@code m × d}) with {@code current} ({@code n × d}).
   * The inputs are not modified.
   *
   * @throws IllegalArgumentException as {@link MaximumMeanDiscrepancy#test}, and if either mean
   *     embedding is the zero vector (its direction, hence the cosine distance, is undefined)
   */
  public Result test(double[][] reference, double[][] current) {
    Rows.requireComparable(reference, current);
    double cosineDistance = cosineDistanceOfMeans(reference, current);
    MaximumMeanDiscrepancy.Result mmdResult = mmd.test(reference, current);
    boolean effect =
        mmdResult.statistic() > mmd2Threshold || cosineDistance > cosineDistanceThreshold;
    return new Result(mmdResult, cosineDistance, mmdResult.pValue() < significance && effect);
  }

  /** {@code ||a/|a| − b/|b|||² / 2} for the column means {@code a}, {@code b}; validated rows. */
  static double cosineDistanceOfMeans(double[][] reference, double[][] current) {
    double[] a = unitMean(reference, "reference");
    double[] b = unitMean(current, "current");
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      double diff = a[k] - b[k];
      sum += diff * diff;
    }
    // Rounding can leave |a| or |b| a hair off 1; the distance cannot leave [0, 2].
    return Math.min(2, sum / 2);
  }

  private static double[] unitMean(double[][] rows, String name) {
    double[] mean = new double[rows[0].length];
    for (double[] row : rows) {
      for (int k = 0; k < mean.length; k++) {
        mean[k] += row[k];
      }
    }
    double squaredNorm = 0;
    for (int k = 0; k < mean.length; k++) {
      mean[k] /= rows.length;
      squaredNorm += mean[k] * mean[k];
    }
    if (!(squaredNorm > 0)) {
      throw new IllegalArgumentException(
          name + " mean embedding is the zero vector; the cosine distance is undefined");
    }
    double norm = Math.sqrt(squaredNorm);
    for (int k = 0; k < mean.length; k++) {
      mean[k] /= norm;
    }
    return mean;
  }

  private static double requireThreshold(double threshold, String name) {
    if (!(threshold >= 0 && threshold < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          name + " threshold must be non-negative and finite: " + threshold);
    }
    return threshold;
  }
}
