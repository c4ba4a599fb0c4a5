package io.vigil.detectors.drift;

import java.util.function.IntToDoubleFunction;

/**
 * Two aligned category-count vectors read as probability vectors {@code p} (reference) and {@code
 * q} (current), for the distances in this package.
 *
 * <p>Each category holds a weight in count units and each sample a total, so {@code p_i = x_i / X}.
 * Differences {@code p_i - q_i} are computed as {@code (x_i Y - y_i X) / (X Y)} with the rounding
 * errors of both products recovered by {@link Math#fma}: subtracting two rounded proportions
 * instead would lose every digit they share, which is most of them when the samples are alike,
 * exactly where drift scores must be accurate to rank near-zero drift.
 */
final class Proportions {

  private final double[] reference;
  private final double[] current;
  private final double referenceTotal;
  private final double currentTotal;

  private Proportions(
      double[] reference, double referenceTotal, double[] current, double currentTotal) {
    this.reference = reference;
    this.referenceTotal = referenceTotal;
    this.current = current;
    this.currentTotal = currentTotal;
  }

  /**
   * Reads the counts; they are copied, never modified.
   *
   * @throws IllegalArgumentException if the lengths differ, a count is negative, a sample has no
   *     observations, or a total exceeds {@link Long#MAX_VALUE}
   */
  static Proportions of(long[] referenceCounts, long[] currentCounts) {
    Samples.requireAlignedCounts(referenceCounts, currentCounts);
    return new Proportions(
        weights(referenceCounts),
        total(referenceCounts, "reference"),
        weights(currentCounts),
        total(currentCounts, "current"));
  }

  /**
   * Replaces every zero proportion by {@code epsilon} and keeps the totals, so the other
   * proportions are unchanged and the vectors may sum to slightly more than one (PSI's convention).
   */
  Proportions withZerosReplacedBy(double epsilon) {
    return new Proportions(
        replaceZeros(reference, epsilon * referenceTotal),
        referenceTotal,
        replaceZeros(current, epsilon * currentTotal),
        currentTotal);
  }

  /** Rescales both vectors to sum to one (after {@link #withZerosReplacedBy}, KL's convention). */
  Proportions renormalized() {
    return new Proportions(
        reference,
        sum(reference.length, i -> reference[i]),
        current,
        sum(current.length, i -> current[i]));
  }

  int size() {
    return reference.length;
  }

  double reference(int category) {
    return reference[category] / referenceTotal;
  }

  double current(int category) {
    return current[category] / currentTotal;
  }

  /** {@code p_i - q_i}, accurate to a few ulps however close the two proportions are. */
  double difference(int category) {
    double numerator =
        crossDifference(reference[category], currentTotal, current[category], referenceTotal);
    return numerator / referenceTotal / currentTotal;
  }

  /** The compensated sum of {@code term(i)} over all categories. */
  double sum(IntToDoubleFunction term) {
    return sum(size(), term);
  }

  /**
   * {@code a b - c d} with the rounding error of both products recovered (exact products when the
   * factors are integers below 2^53), so cancellation between the products loses nothing.
   */
  static double crossDifference(double a, double b, double c, double d) {
    double ab = a * b;
    double cd = c * d;
    double abError = Math.fma(a, b, -ab);
    double cdError = Math.fma(c, d, -cd);
    return (ab - cd) + (abError - cdError);
  }

  /**
   * Neumaier's compensated sum of {@code term(i)} for {@code i} in {@code [0, size)}: the error
   * stays a few ulps of the sum of magnitudes whatever the number of terms, where a plain loop's
   * grows with it.
   *
   * <p>Reference: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
   * Summen", ZAMM 54(1), 39-51 (1974), doi:10.1002/zamm.19740540106.
   */
  static double sum(int size, IntToDoubleFunction term) {
    double sum = 0;
    double compensation = 0;
    for (int i = 0; i < size; i++) {
      double value = term.applyAsDouble(i);
      double next = sum + value;
      compensation +=
          Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
      sum = next;
    }
    return sum + compensation;
  }

  /**
   * The total of a count vector.
   *
   * @throws IllegalArgumentException if it exceeds {@link Long#MAX_VALUE}
   */
  static long total(long[] counts, String name) {
    long total = 0;
    for (long count : counts) {
      total += count;
      // counts are non-negative, so overflow shows as a negative running total
      if (total < 0) {
        throw new IllegalArgumentException(name + " total count exceeds " + Long.MAX_VALUE);
      }
    }
    return total;
  }

  /**
   * Checks the proportion that replaces empty categories.
   *
   * @throws IllegalArgumentException if {@code epsilon} is not in {@code (0, 1)}
   */
  static double requireEpsilon(double epsilon) {
    // written so that NaN fails too
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException(
          "epsilon must be a proportion in (0, 1) but is " + epsilon);
    }
    return epsilon;
  }

  private static double[] weights(long[] counts) {
    double[] weights = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      weights[i] = counts[i];
    }
    return weights;
  }

  private static double[] replaceZeros(double[] weights, double replacement) {
    double[] replaced = weights.clone();
    for (int i = 0; i < replaced.length; i++) {
      if (replaced[i] == 0) {
        replaced[i] = replacement;
      }
    }
    return replaced;
  }
}
