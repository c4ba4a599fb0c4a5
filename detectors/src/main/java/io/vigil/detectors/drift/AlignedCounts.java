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
    int i = 0;
    int j = 0;
    int slot = 0;
    while (i < sortedReference.length || j < sortedCurrent.length) {
      double value =
          j >= sortedCurrent.length
                  || (i < sortedReference.length && sortedReference[i] <= sortedCurrent[j])
              ? sortedReference[i]
              : sortedCurrent[j];
      while (i < sortedReference.length && sortedReference[i] == value) {
        ref[slot]++;
        i++;
      }
      while (j < sortedCurrent.length && sortedCurrent[j] == value) {
        cur[slot]++;
        j++;
      }
      slot++;
    }
    return new AlignedCounts(ref, cur);
  }

  /**
   * The number of distinct values in the union of two sorted arrays, counting up to {@code cap}.
   */
  static int distinctInUnion(double[] sortedReference, double[] sortedCurrent, int cap) {
    int i = 0;
    int j = 0;
    int distinct = 0;
    while ((i < sortedReference.length || j < sortedCurrent.length) && distinct < cap) {
      double value =
          j >= sortedCurrent.length
                  || (i < sortedReference.length && sortedReference[i] <= sortedCurrent[j])
              ? sortedReference[i]
              : sortedCurrent[j];
      while (i < sortedReference.length && sortedReference[i] == value) {
        i++;
      }
      while (j < sortedCurrent.length && sortedCurrent[j] == value) {
        j++;
      }
      distinct++;
    }
    return distinct;
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
