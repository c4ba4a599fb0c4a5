package io.vigil.detectors.drift;

import java.util.Arrays;

/**
 * Bins for a numeric feature cut at the quantiles of its reference sample, so each bin holds about
 * the same share of the reference; binned samples feed the distances over category counts ({@link
 * PopulationStabilityIndex}, {@link JensenShannonDistance}, ...).
 *
 * <p>For {@code B} bins the candidate edges are the sample quantiles at levels {@code 1/B, ...,
 * (B-1)/B} by linear interpolation between order statistics (Hyndman and Fan's type 7, numpy's
 * {@code method='linear'}): with the sorted reference {@code x_0 <= ... <= x_(n-1)}, {@code h = (n
 * - 1) q}, {@code k = floor(h)} and {@code g = h - k}, the quantile is {@code x_k + g (x_(k+1) -
 * x_k)}, evaluated as numpy does so the edges agree bit for bit. Repeated edges (ties in the
 * reference) are kept once, so there may be fewer than {@code B} bins. A value {@code x} falls in
 * bin {@code i} when {@code e_(i-1) < x <= e_i}, with {@code e_(-1) = -infinity} and {@code e_B =
 * +infinity}: numpy's {@code searchsorted(edges, x, side='left')}.
 *
 * <p>Reference: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50(4), 361-365 (1996), doi:10.1080/00031305.1996.10473566.
 */
public final class QuantileBins {

  /** Deciles: the usual binning for the population stability index. */
  public static final int DEFAULT_BINS = 10;

  /** Up to this many edges a linear count is faster than a binary search. */
  private static final int LINEAR_SCAN_EDGES = 16;

  private final double[] edges;

  private QuantileBins(double[] edges) {
    this.edges = edges;
  }

  /**
   * Cuts {@value #DEFAULT_BINS} bins at the reference deciles; the array is not modified.
   *
   * @throws IllegalArgumentException if the reference is empty or holds NaN or an infinity
   */
  public static QuantileBins fromReference(double[] reference) {
    return fromReference(reference, DEFAULT_BINS);
  }

  /**
   * Cuts {@code bins} bins at reference quantiles; the array is not modified.
   *
   * @param reference the reference sample
   * @param bins the number of bins before repeated edges are merged, {@code >= 2}
   * @throws IllegalArgumentException if {@code bins < 2}, or the reference is empty or holds NaN or
   *     an infinity
   */
  public static QuantileBins fromReference(double[] reference, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be at least 2 but is " + bins);
    }
    Samples.requireFinite(reference, "reference");
    double[] levels = new double[bins - 1];
    for (int level = 1; level < bins; level++) {
      // i / B in one division, as numpy receives the levels [0.1, 0.2, ...] (not 0.1 * i)
      levels[level - 1] = (double) level / bins;
    }
    // Only the order statistics around each level are needed: select them instead of sorting.
    double[] values = reference.clone();
    OrderStatistics.select(values, ranksFor(levels, values.length));
    double[] quantiles = new double[levels.length];
    for (int q = 0; q < levels.length; q++) {
      quantiles[q] = quantile(values, levels[q]);
    }
    return new QuantileBins(distinctSorted(quantiles));
  }

  /** The bin edges, increasing and distinct; a copy. */
  public double[] edges() {
    return edges.clone();
  }

  /** The number of bins: one more than the number of edges. */
  public int binCount() {
    return edges.length + 1;
  }

  /**
   * Counts the values of a sample in each bin; the array is not modified.
   *
   * @param sample the values to bin
   * @return the count per bin, {@link #binCount()} long
   * @throws IllegalArgumentException if the sample is empty or holds NaN or an infinity
   */
  public long[] count(double[] sample) {
    Samples.requireFinite(sample, "binned");
    long[] counts = new long[binCount()];
    for (double value : sample) {
      counts[binOf(value)]++;
    }
    return counts;
  }

  /** The number of edges strictly below {@code value}. */
  private int binOf(double value) {
    if (edges.length <= LINEAR_SCAN_EDGES) {
      // Branch-free: a few compares beat a binary search's unpredictable branches.
      int below = 0;
      for (double edge : edges) {
        below += edge < value ? 1 : 0;
      }
      return below;
    }
    int low = 0;
    int high = edges.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      // primitive < as numpy compares: -0.0 and 0.0 are equal
      if (edges[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The ranks {@link #quantile} reads for each level: the order statistic below and above. */
  private static int[] ranksFor(double[] levels, int size) {
    int last = size - 1;
    return java.util.stream.IntStream.range(0, levels.length)
        .flatMap(
            q -> {
              int below = (int) Math.min(Math.floor(last * levels[q]), last);
              return java.util.stream.IntStream.of(below, Math.min(below + 1, last));
            })
        .distinct()
        .sorted()
        .toArray();
  }

  /**
   * numpy's linear quantile, including its two-sided interpolation.
   *
   * @param sorted a sample in which at least the order statistics {@link #ranksFor} names are in
   *     their sorted positions
   */
  private static double quantile(double[] sorted, double level) {
    int last = sorted.length - 1;
    double index = last * level;
    if (index >= last) {
      return sorted[last];
    }
    int below = (int) Math.floor(index);
    double fraction = index - below;
    double lower = sorted[below];
    double upper = sorted[below + 1];
    double difference = upper - lower;
    if (Double.isInfinite(difference)) {
      // the gap overflowed; this weighted form cannot (numpy would return inf or NaN)
      return (1 - fraction) * lower + fraction * upper;
    }
    // numpy interpolates from the nearer end (exact at both ends); the same operations, same bits
    return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction;
  }

  private static double[] distinctSorted(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (double value : sorted) {
      // primitive == as numpy.unique compares: -0.0 and 0.0 are one edge
      if (distinct == 0 || value != sorted[distinct - 1]) {
        sorted[distinct++] = value;
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }
}
