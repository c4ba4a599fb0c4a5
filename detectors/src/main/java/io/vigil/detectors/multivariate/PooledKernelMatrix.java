package io.vigil.detectors.multivariate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kernel matrix of the pooled sample (reference rows first, then current rows), kept as its
 * packed strict upper triangle: {@code N(N − 1)/2} doubles for {@code N = m + n}, 64 MB at {@code N
 * = 4,000}. It gives the unbiased MMD² of Gretton et al. (2012), eq. (3),
 *
 * <pre>
 *   MMD²_u = Σ_{i≠j} k(x_i, x_j) / (m(m − 1)) + Σ_{i≠j} k(y_i, y_j) / (n(n − 1))
 *            − 2 Σ_{i,j} k(x_i, y_j) / (mn),
 * </pre>
 *
 * <p>for the observed split and for random relabellings of the pooled rows.
 */
final class PooledKernelMatrix {

  private final int referenceSize;
  private final int size;
  private final double[] upperTriangle;

  /** Sum of row {@code i} of the triangle: {@code Σ_{j>i} K_ij}, fixed under relabelling. */
  private final double[] rowTotals;

  /** The largest pooled size whose triangle fits one Java array. */
  static final int MAX_ROWS = 65_535;

  PooledKernelMatrix(double[][] reference, double[][] current, GaussianKernel kernel) {
    if ((long) reference.length + current.length > MAX_ROWS) {
      throw new IllegalArgumentException(
          "the unbiased estimator holds the pooled kernel matrix and takes at most "
              + MAX_ROWS
              + " rows in all, got "
              + ((long) reference.length + current.length)
              + "; use the linear-time estimator");
    }
    this.referenceSize = reference.length;
    this.size = reference.length + current.length;
    this.upperTriangle = new double[(int) ((long) size * (size - 1) / 2)];
    this.rowTotals = new double[size];
    int next = 0;
    for (int i = 0; i < size; i++) {
      double[] row = i < referenceSize ? reference[i] : current[i - referenceSize];
      double total = 0;
      for (int j = i + 1; j < size; j++) {
        double[] other = j < referenceSize ? reference[j] : current[j - referenceSize];
        double value = kernel.value(row, other);
        upperTriangle[next++] = value;
        total += value;
      }
      rowTotals[i] = total;
    }
  }

  /** The unbiased MMD² of the observed split, with compensated sums over the three blocks. */
  double unbiasedStatistic() {
    CompensatedSum withinReference = new CompensatedSum();
    CompensatedSum withinCurrent = new CompensatedSum();
    CompensatedSum across = new CompensatedSum();
    int next = 0;
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        double value = upperTriangle[next++];
        if (j < referenceSize) {
          withinReference.accept(value);
        } else if (i >= referenceSize) {
          withinCurrent.accept(value);
        } else {
          across.accept(value);
        }
      }
    }
    return combine(withinReference.value(), withinCurrent.value(), across.value());
  }

  /**
   * The permutation p-value {@code (1 + #{b : MMD²_b ≥ MMD²_obs}) / (1 + B)} over {@code B} seeded
   * uniform relabellings of the pooled rows. Both sides of the comparison come from the same
   * (uncompensated) summation, so a relabelling that reproduces the observed split ties exactly.
   */
  double permutationPValue(int permutations, long seed) {
    double[] isReference = new double[size];
    Arrays.fill(isReference, 0, referenceSize, 1.0);
    double observed = relabelledStatistic(isReference);
    SplittableRandom random = new SplittableRandom(seed);
    int atLeastObserved = 0;
    for (int b = 0; b < permutations; b++) {
      shuffle(isReference, random);
      if (relabelledStatistic(isReference) >= observed) {
        atLeastObserved++;
      }
    }
    return (1.0 + atLeastObserved) / (1.0 + permutations);
  }

  /**
   * MMD²_u for the labelling {@code isReference} (1 or 0 per pooled row). With {@code r_i = Σ_{j>i}
   * K_ij a_j}, the within-reference sum is {@code Σ a_i r_i} and the within-current sum {@code Σ (1
   * − a_i)(R_i − r_i)}; the cross sum is the remainder. One multiply-add per pair, no branches.
   */
  private double relabelledStatistic(double[] isReference) {
    double withinReference = 0;
    double withinCurrent = 0;
    double all = 0;
    int offset = 0;
    for (int i = 0; i < size; i++) {
      double toReference = dot(offset, isReference, i + 1);
      withinReference += isReference[i] * toReference;
      withinCurrent += (1 - isReference[i]) * (rowTotals[i] - toReference);
      all += rowTotals[i];
      offset += size - i - 1;
    }
    return combine(withinReference, withinCurrent, all - withinReference - withinCurrent);
  }

  /** {@code Σ_{j ≥ from} K[offset + j − from] · weights[j]}, four accumulators for throughput. */
  private double dot(int offset, double[] weights, int from) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int shift = offset - from;
    int j = from;
    for (; j + 3 < size; j += 4) {
      s0 += upperTriangle[shift + j] * weights[j];
      s1 += upperTriangle[shift + j + 1] * weights[j + 1];
      s2 += upperTriangle[shift + j + 2] * weights[j + 2];
      s3 += upperTriangle[shift + j + 3] * weights[j + 3];
    }
    for (; j < size; j++) {
      s0 += upperTriangle[shift + j] * weights[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Combines the pair sums over {@code i < j}: each off-diagonal sum is twice its triangle. */
  private double combine(double withinReference, double withinCurrent, double across) {
    double m = referenceSize;
    double n = size - referenceSize;
    return 2 * withinReference / (m * (m - 1))
        + 2 * withinCurrent / (n * (n - 1))
        - 2 * across / (m * n);
  }

  private static void shuffle(double[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
