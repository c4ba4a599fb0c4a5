package io.vigil.tools.distribution;

import java.util.Objects;
import java.util.Optional;

/**
 * A numeric feature's figures on one side (the window or the baseline).
 *
 * @param count observations with a value
 * @param missing observations without one
 * @param missingRate {@code missing / (count + missing)}, 0 when there were no observations
 * @param values the figures of the values, when there were any
 */
public record NumericStats(long count, long missing, double missingRate, Optional<Values> values) {

  /**
   * @param mean the mean
   * @param std the sample standard deviation
   * @param min the smallest value
   * @param max the largest value
   * @param quantiles from the quantile sketch, within its rank error
   */
  public record Values(double mean, double std, double min, double max, Quantiles quantiles) {
    public Values {
      Objects.requireNonNull(quantiles, "quantiles");
    }
  }

  /** Estimated percentiles. */
  public record Quantiles(
      double p1, double p5, double p25, double p50, double p75, double p95, double p99) {}

  public NumericStats {
    Objects.requireNonNull(values, "values");
    if (count < 0 || missing < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }
}
