package io.vigil.tools.logs;

import java.util.Objects;

/**
 * One feature value (or numeric range) or segment value and how much more often it appears among
 * failing records than overall.
 *
 * @param source whether {@code attribute} is a feature, a segment attribute, the version or the
 *     serving latency
 * @param attribute the feature or segment attribute, {@code version}, or {@code @latency_ms}
 * @param value the category, {@code true}/{@code false}, a numeric range such as {@code [1000,
 *     2500)}, or {@value #MISSING}
 * @param errorCount failing records in the error sample with this value
 * @param referenceCount records in the reference sample with this value
 * @param errorShare errorCount over the error sample's size
 * @param referenceShare referenceCount over the reference sample's size
 * @param overallShare the value's share of all records compared, weighting the two samples by the
 *     error rate
 * @param lift {@code errorShare / overallShare}: above 1 when the value is over-represented among
 *     errors
 * @param zStatistic the two-proportion z statistic, error share against reference share
 * @param pValue its two-sided p-value
 * @param adjustedPValue the p-value after the correction for every value tested
 * @param significant whether the adjusted p-value is below the significance level
 */
public record ErrorPattern(
    Source source,
    String attribute,
    String value,
    long errorCount,
    long referenceCount,
    double errorShare,
    double referenceShare,
    double overallShare,
    double lift,
    double zStatistic,
    double pValue,
    double adjustedPValue,
    boolean significant) {

  /** The value a record without the feature or attribute is counted under. */
  public static final String MISSING = "(missing)";

  /** Where a pattern's attribute comes from. */
  public enum Source {
    /** An input feature. */
    FEATURE,
    /** A segment attribute. */
    SEGMENT,
    /** The version that served the record (when the search spans several). */
    VERSION,
    /** The serving latency, in milliseconds, binned like a numeric feature. */
    LATENCY
  }

  public ErrorPattern {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
    if (errorCount < 0 || referenceCount < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /** {@code attribute=value}, as people write it. */
  public String describe() {
    return attribute + "=" + value;
  }
}
