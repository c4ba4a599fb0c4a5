package io.vigil.tools.segments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * One slice of traffic, its metric in both windows and its part in the overall change.
 *
 * <p>With {@code s} a slice's share of the metric's denominator (labelled records for accuracy, all
 * records for the error rate), {@code m} its metric, {@code M} the overall metric, {@code w} the
 * window and {@code r} the reference, the overall change splits exactly over the slices of one
 * attribute (or one pair of attributes):
 *
 * <pre>
 *   M_w − M_r = Σ contribution,  contribution = s_w (m_w − m_r) + (s_w − s_r)(m_r − M_r)
 * </pre>
 *
 * <p>The first term is the slice's own change weighted by its share ({@code performanceEffect});
 * the second is its change of share, weighted by how far its reference metric was from the overall
 * one ({@code mixEffect}). A slice absent from the reference takes {@code m_r = M_r}.
 *
 * @param conditions attribute to value; {@value #NO_VALUE} for records without the attribute
 * @param source exact window counters, or a sample of raw records
 * @param windowRecords the slice's records in the window
 * @param referenceRecords the slice's records in the reference window
 * @param windowTrafficShare its share of the window's records
 * @param referenceTrafficShare its share of the reference window's records
 * @param windowSampleSize the metric's denominator in the window (labelled or all records)
 * @param referenceSampleSize the metric's denominator in the reference window
 * @param windowValue the metric in the window, when the denominator is positive
 * @param referenceValue the metric in the reference window, when the denominator is positive
 * @param change {@code windowValue − referenceValue}, when both exist
 * @param contribution the slice's part of the overall change, in the metric's units
 * @param contributionShare {@code contribution} over the overall change, when that is not zero
 * @param performanceEffect the part of the contribution from the slice's own change
 * @param mixEffect the part from the slice's change of share
 * @param zStatistic the two-proportion z statistic of the slice's change (positive when the metric
 *     fell), when both windows have a denominator
 * @param pValue its two-sided p-value
 * @param adjustedPValue the p-value corrected (Benjamini–Hochberg) over the slices listed with it
 */
public record SegmentSlice(
    Map<String, String> conditions,
    Source source,
    long windowRecords,
    long referenceRecords,
    double windowTrafficShare,
    double referenceTrafficShare,
    long windowSampleSize,
    long referenceSampleSize,
    OptionalDouble windowValue,
    OptionalDouble referenceValue,
    OptionalDouble change,
    double contribution,
    OptionalDouble contributionShare,
    double performanceEffect,
    double mixEffect,
    OptionalDouble zStatistic,
    OptionalDouble pValue,
    OptionalDouble adjustedPValue) {

  /** The value of an attribute a record does not carry. */
  public static final String NO_VALUE = "(no value)";

  /** Where a slice's figures come from. */
  public enum Source {
    /** The exact per-window counters of one attribute. */
    WINDOW_COUNTERS,
    /** A bounded sample of raw records (pairs of attributes). */
    SAMPLE
  }

  public SegmentSlice {
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("a slice needs at least one condition");
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(windowValue, "windowValue");
    Objects.requireNonNull(referenceValue, "referenceValue");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(contributionShare, "contributionShare");
    Objects.requireNonNull(zStatistic, "zStatistic");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(adjustedPValue, "adjustedPValue");
  }

  /** {@code region=eu & device=android}. */
  public String describe() {
    return conditions.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" & "));
  }

  SegmentSlice withAdjustedPValue(double adjusted) {
    return new SegmentSlice(
        conditions,
        source,
        windowRecords,
        referenceRecords,
        windowTrafficShare,
        referenceTrafficShare,
        windowSampleSize,
        referenceSampleSize,
        windowValue,
        referenceValue,
        change,
        contribution,
        contributionShare,
        performanceEffect,
        mixEffect,
        zStatistic,
        pValue,
        OptionalDouble.of(adjusted));
  }
}
