package io.vigil.detectors.drift;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Reference and current counts aligned on the union of their categories (or distinct numeric
 * values), so that a category seen in only one sample still counts, with 0 on the other side.
 */
record AlignedCounts(long[] reference, long[] current) {

  static AlignedCounts of(FeatureSample.Categorical reference, FeatureSample.Categorical current) {
    TreeSet<String> categories = new TreeSet<>(reference.counts().keySet());
    categories.addAll(current.counts().keySet());
    long[] ref = new long[categories.size()];
    long[] cur = new long[categories.size()];
    int i = 0;
    for (String category : categories) {
      ref[i] = reference.counts().getOrDefault(category, 0L);
      cur[i] = current.counts().getOrDefault(category, 0L);
      i++;
    }
    return new AlignedCounts(ref, cur);
  }

  /** Counts of each distinct value, from two sorted arrays, in ascending value order. */
  static AlignedCounts ofSortedValues(double[] sortedReference, double[] sortedCurrent) {
    int distinct = distinctInUnion(sortedReference, sortedCurrent, Integer.MAX_VALUE);
    long[] ref = new long[distinct];
    long[] cur = new long[distinct];
    DistinctValues walk = new DistinctValues(sortedReference, sortedCurrent);
    for (int slot = 0; walk.next(); slot++) {
      ref[slot] = walk.referenceCount;
      cur[slot] = walk.currentCount;
    }
    return new AlignedCounts(ref, cur);
  }

  /**
   * The number of distinct values in the union of two sorted arrays, counting up to {@code cap}.
   */
  static int distinctInUnion(double[] sortedReference, double[] sortedCurrent, int cap) {
    DistinctValues walk = new DistinctValues(sortedReference, sortedCurrent);
    int distinct = 0;
    while (distinct < cap && walk.next()) {
      distinct++;
    }
    return distinct;
  }

  /** Walks the distinct values of two sorted arrays in ascending order, with each side's count. */
  private static final class DistinctValues {

    private final double[] reference;
    private final double[] current;
    private int i;
    private int j;
    long referenceCount;
    long currentCount;

    DistinctValues(double[] sortedReference, double[] sortedCurrent) {
      this.reference = sortedReference;
      this.current = sortedCurrent;
    }

    /** Moves to the next distinct value; false when both arrays are used up. */
    boolean next() {
      if (i >= reference.length && j >= current.length) {
        return false;
      }
      double value =
          j >= current.length || (i < reference.length && reference[i] <= current[j])
              ? reference[i]
              : current[j];
      int referenceStart = i;
      int currentStart = j;
      while (i < reference.length && reference[i] == value) {
        i++;
      }
      while (j < current.length && current[j] == value) {
        j++;
      }
      referenceCount = i - referenceStart;
      currentCount = j - currentStart;
      return true;
    }
  }

  int categories() {
    return reference.length;
  }

  long referenceTotal() {
    return Arrays.stream(reference).sum();
  }

  long currentTotal() {
    return Arrays.stream(current).sum();
  }
}
