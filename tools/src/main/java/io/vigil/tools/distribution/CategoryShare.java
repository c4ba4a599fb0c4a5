package io.vigil.tools.distribution;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One category (or the remainder, {@value #OTHER}) in the window beside the baseline.
 *
 * @param category the category
 * @param count its count in the window (estimated once a window has too many categories to count
 *     exactly)
 * @param share its share of the window's values
 * @param baselineCount its count in the baseline, when there is one
 * @param baselineShare its share of the baseline's values, when there is one
 */
public record CategoryShare(
    String category,
    long count,
    double share,
    OptionalLong baselineCount,
    OptionalDouble baselineShare) {

  /** The row of every category not listed. */
  public static final String OTHER = "(other)";

  public CategoryShare {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(baselineCount, "baselineCount");
    Objects.requireNonNull(baselineShare, "baselineShare");
  }
}
