package io.vigil.detectors.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The k-sample Anderson–Darling test, in the midrank version that allows ties (continuous and
 * discrete data alike). It matches {@code scipy.stats.anderson_ksamp(samples, midrank=True)}.
 *
 * <p>With the pooled sample of size {@code N} holding the distinct values {@code z_1 < ... < z_L},
 * {@code l_j} copies of {@code z_j}, {@code B_j} = (number of pooled values below {@code z_j}) +
 * {@code l_j / 2}, and {@code M_ij} = (number of values of sample {@code i} below {@code z_j}) +
 * half the copies of {@code z_j} in sample {@code i}, the statistic is (equation 7 of Scholz and
 * Stephens)
 *
 * <pre>
 *   A²_akN = (N − 1) / N · Σ_i 1/n_i · Σ_j (l_j / N) · (N·M_ij − n_i·B_j)² / (B_j·(N − B_j) − N·l_j / 4)
 * </pre>
 *
 * <p>It is reported standardized, {@code (A²_akN − (k − 1)) / σ_N}, with the exact variance {@code
 * σ²_N} under the null hypothesis that they derive. The p-value is interpolated in their Table 2 as
 * scipy does it and is therefore only known within {@code [0.001, 0.25]}: a statistic beyond the
 * table reports the bound.
 *
 * <p>Reference: F. W. Scholz and M. A. Stephens (1987), "K-Sample Anderson–Darling Tests", Journal
 * of the American Statistical Association 82(399), 918–924, <a
 * href="https://doi.org/10.1080/01621459.1987.10478517">doi:10.1080/01621459.1987.10478517</a>.
 *
 * <p>Cost: one sort per sample, then one merge pass, {@code O(N log N + L·k)}.
 */
public final class AndersonDarlingTest {

  private static final AndersonDarlingTest DEFAULTS = new AndersonDarlingTest();

  /** Below this pooled size the null variance {@code σ²_N} has a zero denominator. */
  private static final int MIN_POOLED_SIZE = 4;

  private AndersonDarlingTest() {}

  /** The midrank test (scipy's {@code midrank=True}); it has no further options. */
  public static AndersonDarlingTest withDefaults() {
    return DEFAULTS;
  }

  /**
   * The outcome of one test.
   *
   * <p>The critical values are held in a private copy: the constructor copies its argument and
   * {@link #criticalValues()} returns a fresh copy, so a result never changes; {@code equals},
   * {@code hashCode} and {@code toString} compare and print the array contents.
   *
   * @param statistic the standardized statistic {@code (A²_akN − (k − 1)) / σ_N}; may be negative
   * @param pValue the approximate p-value (scipy's {@code significance_level}): 0.25 below the
   *     smallest critical value, 0.001 above the largest, interpolated in between (for two samples
   *     the interpolation stays inside {@code [0.001, 0.25]}; for more it may stray slightly beyond
   *     them, as scipy's does)
   * @param criticalValues the critical values at significance levels 0.25, 0.10, 0.05, 0.025, 0.01,
   *     0.005 and 0.001, in that order; they depend only on the number of samples
   */
  public record Result(double statistic, double pValue, double[] criticalValues)
      implements TwoSampleTestResult {

    public Result {
      criticalValues = criticalValues.clone();
    }

    @Override
    public double[] criticalValues() {
      return criticalValues.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Result that
          && Double.compare(statistic, that.statistic) == 0
          && Double.compare(pValue, that.pValue) == 0
          && Arrays.equals(criticalValues, that.criticalValues);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Double.hashCode(statistic) + Double.hashCode(pValue))
          + Arrays.hashCode(criticalValues);
    }

    @Override
    public String toString() {
      return "Result[statistic="
          + statistic
          + ", pValue="
          + pValue
          + ", criticalValues="
          + Arrays.toString(criticalValues)
          + "]";
    }
  }

  /**
   * Tests whether two samples come from the same distribution.
   *
   * @throws IllegalArgumentException if a sample is empty or holds NaN or an infinity (the message
   *     names {@code reference} or {@code current}), if the samples hold fewer than 4 values in
   *     total, or if all values are equal (the statistic is then undefined)
   */
  public Result test(double[] reference, double[] current) {
    return testSorted(
        List.of(
            Samples.sortedCopy(reference, "reference"), Samples.sortedCopy(current, "current")));
  }

  /**
   * Tests whether {@code k >= 2} samples come from the same distribution.
   *
   * @throws IllegalArgumentException if fewer than two samples are given, if a sample is empty or
   *     holds NaN or an infinity (the message names it as {@code sample i}, counting from 0), if
   *     the samples hold fewer than 4 values in total, or if all values are equal
   */
  public Result test(List<double[]> samples) {
    if (samples == null || samples.size() < 2) {
      throw new IllegalArgumentException("Anderson–Darling needs at least two samples");
    }
    List<double[]> sorted = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      sorted.add(Samples.sortedCopy(samples.get(i), "sample " + i));
    }
    return testSorted(sorted);
  }

  /**
   * {@link #test(double[], double[])} for samples already sorted and known finite, so that a caller
   * holding sorted copies does not pay for another sort.
   */
  Result testSorted(double[] sortedReference, double[] sortedCurrent) {
    return testSorted(List.of(sortedReference, sortedCurrent));
  }

  private static Result testSorted(List<double[]> sorted) {
    int k = sorted.size();
    long pooledSize = sorted.stream().mapToLong(s -> s.length).sum();
    if (pooledSize < MIN_POOLED_SIZE) {
      throw new IllegalArgumentException(
          "Anderson–Darling needs at least "
              + MIN_POOLED_SIZE
              + " values in total, got "
              + pooledSize);
    }
    double midrankStatistic = midrankStatistic(sorted, pooledSize);
    double standardized =
        (midrankStatistic - (k - 1)) / Math.sqrt(nullVariance(sorted, pooledSize));
    AndersonDarlingSignificance table = AndersonDarlingSignificance.forSamples(k);
    return new Result(standardized, table.pValue(standardized), table.criticalValues());
  }

  /**
   * {@code A²_akN}, in one merge pass over the sorted samples that visits each distinct pooled
   * value once.
   */
  private static double midrankStatistic(List<double[]> sorted, long pooledSize) {
    int k = sorted.size();
    int[] below = new int[k]; // per sample: how many values lie below the current z_j
    int[] copies = new int[k]; // per sample: how many copies of z_j it holds
    // One running sum per sample, added up at the end: for two samples this makes the
    // statistic identical, bit for bit, whichever sample comes first.
    double[] perSample = new double[k];
    double n = pooledSize;
    long pooledBelow = 0;
    while (pooledBelow < pooledSize) {
      double value = smallestUnvisited(sorted, below);
      long ties = 0;
      for (int i = 0; i < k; i++) {
        copies[i] = countCopies(sorted.get(i), below[i], value);
        ties += copies[i];
      }
      if (ties == pooledSize) {
        throw new IllegalArgumentException(
            "Anderson–Darling needs more than one distinct value; all values equal " + value);
      }
      double midrankBelow = pooledBelow + ties / 2.0;
      double denominator = midrankBelow * (n - midrankBelow) - n * ties / 4.0;
      for (int i = 0; i < k; i++) {
        double sampleMidrankBelow = below[i] + copies[i] / 2.0;
        // Both products are exact (half-integers times integers far below 2^53), so the
        // difference of two nearly equal numbers loses nothing.
        double deviation = n * sampleMidrankBelow - midrankBelow * sorted.get(i).length;
        perSample[i] += ties / n * (deviation * deviation) / denominator;
        below[i] += copies[i];
      }
      pooledBelow += ties;
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += perSample[i] / sorted.get(i).length;
    }
    return sum * (n - 1) / n;
  }

  private static double smallestUnvisited(List<double[]> sorted, int[] below) {
    double smallest = Double.POSITIVE_INFINITY; // inputs are finite, so any value is smaller
    for (int i = 0; i < below.length; i++) {
      double[] sample = sorted.get(i);
      if (below[i] < sample.length && sample[below[i]] < smallest) {
        smallest = sample[below[i]];
      }
    }
    return smallest;
  }

  private static int countCopies(double[] sample, int from, double value) {
    int end = from;
    while (end < sample.length && sample[end] == value) {
      end++;
    }
    return end - from;
  }

  /**
   * The exact variance of {@code A²_akN} under the null hypothesis (Scholz and Stephens): {@code
   * σ²_N = (aN³ + bN² + cN + d) / ((N − 1)(N − 2)(N − 3))}, with {@code H = Σ 1/n_i}, {@code h =
   * Σ_{i<N} 1/i} and {@code g = Σ_{i<N−1} Σ_{i<j<N} 1/((N − i)·j)}.
   */
  private static double nullVariance(List<double[]> sorted, long pooledSize) {
    double n = pooledSize;
    double k = sorted.size();
    double bigH = 0;
    for (double[] sample : sorted) {
      bigH += 1.0 / sample.length;
    }
    // Accumulated in scipy's order: tail_t = 1/(N−1) + ... + 1/(N−1−t), g = Σ_t tail_t / (t + 2).
    double tail = 0;
    double g = 0;
    for (long t = 0; t <= pooledSize - 3; t++) {
      tail += 1.0 / (pooledSize - 1 - t);
      g += tail / (t + 2);
    }
    double h = tail + 1;
    double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * bigH;
    double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * bigH - 8 * h + 4 * g - 6;
    double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * bigH + 4 * h;
    double d = (2 * h + 6) * k * k - 4 * h * k;
    return (a * n * n * n + b * n * n + c * n + d) / ((n - 1) * (n - 2) * (n - 3));
  }
}
