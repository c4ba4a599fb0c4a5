package io.vigil.detectors.performance;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion, such as an accuracy.
 *
 * <p>With {@code s} successes in {@code n} trials, {@code p = s/n} and {@code z} the standard
 * normal quantile at {@code 1 − (1 − level)/2}:
 *
 * <pre>
 *   centre = (p + z²/(2n)) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · sqrt( p(1 − p)/n + z²/(4n²) )
 * </pre>
 *
 * <p>and the interval is {@code [centre − half, centre + half]}, clipped to {@code [0, 1]} against
 * rounding. Unlike the Wald interval it stays inside {@code [0, 1]} and keeps a non-zero width at
 * {@code p = 0} or {@code 1}.
 *
 * <p>Reference: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", JASA 22(158), 209–212, <a
 * href="https://doi.org/10.1080/01621459.1927.10502953">doi:10.1080/01621459.1927.10502953</a>.
 */
public final class WilsonScoreInterval {

  /** The conventional level, used by {@link #withDefaults()}. */
  static final double DEFAULT_LEVEL = 0.95;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  // after STANDARD_NORMAL, which the constructor uses
  private static final WilsonScoreInterval DEFAULTS = new WilsonScoreInterval(DEFAULT_LEVEL);

  private final double level;
  private final double z;

  private WilsonScoreInterval(double level) {
    this.level = level;
    this.z = criticalValue(level);
  }

  /** The 95% interval. */
  public static WilsonScoreInterval withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns the interval at {@code level}; this instance is unchanged.
   *
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public WilsonScoreInterval withConfidenceLevel(double level) {
    return new WilsonScoreInterval(ConfidenceInterval.requireLevel(level));
  }

  /** The confidence level. */
  public double level() {
    return level;
  }

  /**
   * The proportion {@code successes/total} with its Wilson interval.
   *
   * @throws IllegalArgumentException if {@code total} is not positive or {@code successes} is not
   *     in {@code [0, total]}
   */
  public ConfidenceInterval of(long successes, long total) {
    if (total <= 0) {
      throw new IllegalArgumentException("total must be positive but is " + total);
    }
    if (successes < 0 || successes > total) {
      throw new IllegalArgumentException(
          "successes must be in [0, " + total + "] but are " + successes);
    }
    double n = total;
    double p = successes / n;
    double zz = z * z;
    double denominator = 1 + zz / n;
    double centre = (p + zz / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + zz / (4 * n * n));
    // min/max keep the estimate enclosed when rounding puts a bound a few ulps past it
    double lower = Math.min(p, Math.max(0, centre - half));
    double upper = Math.max(p, Math.min(1, centre + half));
    return new ConfidenceInterval(p, lower, upper, level);
  }

  /** The two-sided standard normal critical value {@code z} at {@code 1 − (1 − level)/2}. */
  static double criticalValue(double level) {
    return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
  }
}
