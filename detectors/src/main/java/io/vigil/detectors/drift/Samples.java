package io.vigil.detectors.drift;

/** Validation shared by the tests in this package: clear errors instead of silent NaN results. */
final class Samples {

  private Samples() {}

  /**
   * Returns a sorted copy of {@code values}, in the order of {@link
   * java.util.Arrays#sort(double[])} ({@link DoubleRadixSort} for large samples); the input is
   * never modified.
   *
   * @throws IllegalArgumentException if the sample is empty or holds NaN or an infinity; the
   *     message names the sample and the first offending index
   */
  static double[] sortedCopy(double[] values, String name) {
    requireFinite(values, name);
    return DoubleRadixSort.sortedCopy(values);
  }

  /**
   * Checks that a sample is non-empty and finite.
   *
   * @throws IllegalArgumentException if the sample is empty or holds NaN or an infinity
   */
  static void requireFinite(double[] values, String name) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(name + " sample is empty");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + " sample: value at index " + i + " is " + values[i] + " (must be finite)");
      }
    }
  }

  /**
   * Checks a pair of category-count vectors aligned on the same categories.
   *
   * @throws IllegalArgumentException if the lengths differ, a count is negative, or either sample
   *     has no observations
   */
  static void requireAlignedCounts(long[] reference, long[] current) {
    if (reference.length != current.length) {
      throw new IllegalArgumentException(
          "reference has "
              + reference.length
              + " categories but current has "
              + current.length
              + "; counts must be aligned on the same categories");
    }
    requireCounts(reference, "reference");
    requireCounts(current, "current");
  }

  private static void requireCounts(long[] counts, String name) {
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            name + " count at index " + i + " is negative: " + counts[i]);
      }
      total += counts[i];
    }
    if (total == 0) {
      throw new IllegalArgumentException(name + " sample is empty (all counts are zero)");
    }
  }
}
