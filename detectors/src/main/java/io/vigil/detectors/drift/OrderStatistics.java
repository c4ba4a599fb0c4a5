package io.vigil.detectors.drift;

import java.util.Arrays;

/**
 * Several order statistics of one sample without sorting all of it: a multi-way quickselect with
 * three-way partitioning (ties settle at once) that only descends into the parts holding a wanted
 * rank, {@code O(n log k)} for {@code k} ranks. Where partitioning degenerates (recursion deeper
 * than twice {@code log2 n}) the remaining range is sorted instead, so the worst case stays {@code
 * O(n log n)} (Musser's introselect).
 *
 * <p>Reference: C. A. R. Hoare, "Algorithm 65: Find", Communications of the ACM 4(7), 321–322
 * (1961), doi:10.1145/366622.366647; D. R. Musser, "Introspective sorting and selection
 * algorithms", Software: Practice and Experience 27(8), 983–993 (1997).
 */
final class OrderStatistics {

  private OrderStatistics() {}

  /**
   * Rearranges {@code values} so that each position in {@code ranks} holds the value a full sort
   * would put there.
   *
   * @param values the sample, rearranged in place
   * @param ranks zero-based positions, ascending, each in {@code [0, values.length)}
   */
  static void select(double[] values, int[] ranks) {
    if (ranks.length == 0) {
      return;
    }
    int depthLimit = 2 * (32 - Integer.numberOfLeadingZeros(values.length));
    select(values, 0, values.length - 1, ranks, 0, ranks.length - 1, depthLimit);
  }

  private static void select(
      double[] a, int low, int high, int[] ranks, int firstRank, int lastRank, int depth) {
    while (firstRank <= lastRank && low < high) {
      if (depth-- == 0) {
        Arrays.sort(a, low, high + 1);
        return;
      }
      double pivot = medianOfThree(a[low], a[(low + high) >>> 1], a[high]);
      // Three-way partition: [low, lt) < pivot, [lt, gt] == pivot, (gt, high] > pivot.
      int lt = low;
      int gt = high;
      int i = low;
      while (i <= gt) {
        double value = a[i];
        if (value < pivot) {
          a[i++] = a[lt];
          a[lt++] = value;
        } else if (value > pivot) {
          a[i] = a[gt];
          a[gt--] = value;
        } else {
          i++;
        }
      }
      int belowEnd = firstRank;
      while (belowEnd <= lastRank && ranks[belowEnd] < lt) {
        belowEnd++;
      }
      int aboveStart = belowEnd;
      while (aboveStart <= lastRank && ranks[aboveStart] <= gt) {
        aboveStart++;
      }
      // Recurse into the smaller set of ranks' side, loop on the other.
      select(a, low, lt - 1, ranks, firstRank, belowEnd - 1, depth);
      low = gt + 1;
      firstRank = aboveStart;
    }
  }

  private static double medianOfThree(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
