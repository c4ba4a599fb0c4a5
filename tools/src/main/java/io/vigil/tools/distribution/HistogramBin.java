package io.vigil.tools.distribution;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One bin of a histogram shared by the window and the baseline: values in {@code (lower, upper]},
 * the first bin open below and the last open above.
 *
 * @param lower the exclusive lower edge, empty for the first bin
 * @param upper the inclusive upper edge, empty for the last bin
 * @param label the bin as people write it, e.g. {@code (12.5, 40]}
 * @param count the window's estimated count in the bin
 * @param share the window's share of its values in the bin
 * @param baselineShare the baseline's share, when there is a baseline
 */
public record HistogramBin(
    OptionalDouble lower,
    OptionalDouble upper,
    String label,
    long count,
    double share,
    OptionalDouble baselineShare) {

  public HistogramBin {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(baselineShare, "baselineShare");
  }
}
