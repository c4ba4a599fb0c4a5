package io.vigil.detectors.drift;

import java.util.Arrays;

/**
 * Sorts finite doubles into a new array with a least-significant-digit radix sort, for the large
 * samples of the two-sample tests; the order is that of {@link Arrays#sort(double[])}, bit for bit.
 *
 * <p>Each value maps to a 64-bit key whose unsigned order is the order of {@link Double#compare}:
 * flip every bit of a negative value, flip only the sign bit of a non-negative one. So {@code -0.0}
 * sorts before {@code 0.0}, as in {@code Arrays.sort}. One pass over the input counts the eight
 * 8-bit digits of every key; then one stable counting pass per digit, least significant first,
 * distributes the values by that digit (Knuth, TAOCP vol. 3, §5.2.5; the key transform and the
 * one-pass histograms are from M. Herf, "Radix tricks", 2001). A digit that is the same in every
 * key needs no pass: the low mantissa bytes of integer-valued or coarsely rounded data, the top
 * byte of one-signed data. The passes move the doubles themselves between the result and one
 * scratch array, recomputing each key from its value (three bit operations); sorting a separate
 * {@code long[]} of keys and converting back took a third array and was as fast at 10<sup>6</sup>
 * values and 1.4 times slower at 10<sup>3</sup>. The sort takes {@code O(n)} time and {@code n}
 * extra doubles.
 *
 * <p>Why: measured on the development machine (JDK 17, 5 warm-up runs, then the median of 40), a
 * sorted copy of 10<sup>6</sup> values took {@code Arrays.sort} 105-125 ms for normal or Cauchy
 * data and 55 ms for integers in [0, 1000), against 40-50 ms and 20 ms here; at 10<sup>5</sup>
 * values, 9-10 ms against 4-5 ms and 6 ms against 2 ms. numpy 2.4's SIMD sort took 14 ms for
 * 10<sup>6</sup>. Digits of 10, 11 or 16 bits need fewer passes, but each pass scatters to more
 * buckets than the TLB covers and the whole sort took 55-70 ms at 10<sup>6</sup>. Two cases stay
 * with {@code Arrays.sort}, which wins there: fewer than {@value #RADIX_SORT_THRESHOLD} values (the
 * crossover was at 500-700 values), and input already in at most {@value #PRESORTED_RUN_LIMIT}
 * ascending or descending runs, which {@code Arrays.sort} merges in linear time (5-6 ms for
 * 10<sup>6</sup> sorted values including the check, where the radix passes take 45 ms whatever the
 * order).
 */
final class DoubleRadixSort {

  /** Below this length {@code Arrays.sort} is about as fast: the crossover measured was 500-700. */
  static final int RADIX_SORT_THRESHOLD = 1_024;

  /**
   * At most this many ascending (or descending) runs go to {@code Arrays.sort}: measured at 10^4 to
   * 10^6 values, it merged 16 runs faster than the radix passes and 32 runs about as fast.
   */
  static final int PRESORTED_RUN_LIMIT = 16;

  /**
   * Eight passes of 256 buckets: scattering to 2,048 or more buckets was twice as slow per pass.
   */
  private static final int DIGIT_BITS = 8;

  private static final int DIGITS = Long.SIZE / DIGIT_BITS;
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final int DIGIT_MASK = RADIX - 1;

  private DoubleRadixSort() {}

  /**
   * Returns the values in ascending order, as {@link Arrays#sort(double[])} orders them ({@code
   * -0.0} before {@code 0.0}); the input is never modified.
   *
   * @param values finite values (callers validate: the order of NaN is unspecified here)
   * @return a new sorted array of the same length
   */
  static double[] sortedCopy(double[] values) {
    if (values.length < RADIX_SORT_THRESHOLD || isFewRuns(values)) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      return sorted;
    }
    return radixSortedCopy(values);
  }

  /**
   * The radix sort alone, whatever the length or presortedness; package-private so that tests reach
   * it with the inputs {@link #sortedCopy} hands to {@code Arrays.sort}.
   *
   * @param values finite values, not modified
   * @return a new sorted array of the same length
   */
  static double[] radixSortedCopy(double[] values) {
    if (values.length == 0) {
      return new double[0];
    }
    int[] counts = digitCounts(values);
    int[] digits = varyingDigits(counts, key(values[0]), values.length);
    if (digits.length == 0) {
      // every key is the same, so every value has the same bits
      return values.clone();
    }
    double[] sorted = new double[values.length];
    double[] scratch = digits.length > 1 ? new double[values.length] : null;
    // the passes alternate between the two arrays: start where the last pass lands in sorted
    double[] target = digits.length % 2 == 1 ? sorted : scratch;
    double[] source = values;
    for (int digit : digits) {
      distribute(source, target, counts, digit);
      source = target;
      target = source == sorted ? scratch : sorted;
    }
    return sorted;
  }

  /** Whether the values form at most {@link #PRESORTED_RUN_LIMIT} ascending or descending runs. */
  private static boolean isFewRuns(double[] values) {
    int descents = 0;
    int ascents = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[i - 1]) {
        descents++;
      } else if (values[i] > values[i - 1]) {
        ascents++;
      }
      if (descents >= PRESORTED_RUN_LIMIT && ascents >= PRESORTED_RUN_LIMIT) {
        // shuffled data gets here within a few dozen values
        return false;
      }
    }
    return true;
  }

  /** The histograms of all digits in one pass: {@code counts[digit * RADIX + bucket]}. */
  private static int[] digitCounts(double[] values) {
    int[] counts = new int[DIGITS * RADIX];
    for (double value : values) {
      long key = key(value);
      for (int digit = 0; digit < DIGITS; digit++) {
        counts[digit * RADIX + bucket(key, digit)]++;
      }
    }
    return counts;
  }

  /** The digits, least significant first, that are not the same in all {@code n} keys. */
  private static int[] varyingDigits(int[] counts, long anyKey, int n) {
    int[] digits = new int[DIGITS];
    int varying = 0;
    for (int digit = 0; digit < DIGITS; digit++) {
      if (counts[digit * RADIX + bucket(anyKey, digit)] != n) {
        digits[varying++] = digit;
      }
    }
    return Arrays.copyOf(digits, varying);
  }

  /** One stable counting pass: turns the digit's counts into bucket starts and moves the values. */
  private static void distribute(double[] source, double[] target, int[] counts, int digit) {
    int base = digit * RADIX;
    int start = 0;
    for (int bucket = base; bucket < base + RADIX; bucket++) {
      int count = counts[bucket];
      counts[bucket] = start;
      start += count;
    }
    for (double value : source) {
      target[counts[base + bucket(key(value), digit)]++] = value;
    }
  }

  private static int bucket(long key, int digit) {
    return (int) (key >>> (digit * DIGIT_BITS)) & DIGIT_MASK;
  }

  /** The order-preserving transform: unsigned order of keys is the order of the values. */
  private static long key(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits ^ ((bits >> (Long.SIZE - 1)) | Long.MIN_VALUE);
  }
}
