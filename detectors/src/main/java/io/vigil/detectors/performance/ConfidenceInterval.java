package io.vigil.detectors.performance;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param estimate the point estimate
 * @param lower the lower bound, at most {@code estimate}
 * @param upper the upper bound, at least {@code estimate}
 * @param level the nominal confidence level in {@code (0, 1)}
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level) {

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if a bound or the estimate is not finite, the bounds do not
   *     enclose the estimate, or the level is not in {@code (0, 1)}
   */
  public ConfidenceInterval {
    if (!Double.isFinite(estimate) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException(
          "interval values must be finite: " + lower + " <= " + estimate + " <= " + upper);
    }
    if (!(lower <= estimate && estimate <= upper)) {
      throw new IllegalArgumentException(
          "interval [" + lower + ", " + upper + "] does not enclose estimate " + estimate);
    }
    requireLevel(level);
  }

  /** The width {@code upper - lower}. */
  public double width() {
    return upper - lower;
  }

  /** True when {@code value} lies in {@code [lower, upper]}. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /**
   * Checks a confidence level.
   *
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  static double requireLevel(double level) {
    // written so that NaN fails too
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1) but is " + level);
    }
    return level;
  }
}
