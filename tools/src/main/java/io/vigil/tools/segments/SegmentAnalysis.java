package io.vigil.tools.segments;

import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which slices of traffic carry a change of a model's accuracy or error rate.
 *
 * @param model the model analysed
 * @param version the version analysed, or empty for every version
 * @param metric the metric compared
 * @param window the window examined, aligned outward to whole profile windows
 * @param reference the window compared with, aligned the same way
 * @param alignment the profile window length both ranges are aligned to
 * @param windowTotals the whole window's figures
 * @param referenceTotals the whole reference window's figures
 * @param overallChange the window's metric less the reference's, when both exist
 * @param slices slices of one segment attribute from the exact window counters, most degrading
 *     first, at most {@value #MAX_SLICES}; the contributions of one attribute's slices sum to the
 *     overall change
 * @param pairSlices slices of two segment attributes from samples of raw records, most degrading
 *     first, at most {@value #MAX_PAIR_SLICES}; their contributions sum to the samples' change
 * @param pairSample how large those samples were
 * @param summary one or two sentences naming the top slice
 */
public record SegmentAnalysis(
    String model,
    Optional<String> version,
    SegmentMetric metric,
    TimeRange window,
    TimeRange reference,
    Duration alignment,
    Totals windowTotals,
    Totals referenceTotals,
    OptionalDouble overallChange,
    List<SegmentSlice> slices,
    List<SegmentSlice> pairSlices,
    PairSampleSize pairSample,
    String summary) {

  /** The most one-attribute slices listed. */
  public static final int MAX_SLICES = 25;

  /** The most two-attribute slices listed. */
  public static final int MAX_PAIR_SLICES = 10;

  /**
   * A window's totals.
   *
   * @param records every record
   * @param sampleSize the metric's denominator: labelled records for accuracy, all for error rate
   * @param value the metric, when the denominator is positive
   */
  public record Totals(long records, long sampleSize, OptionalDouble value) {
    public Totals {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The samples behind the two-attribute slices: the newest records of each window (labelled ones
   * for accuracy).
   *
   * @param windowRecords records sampled from the window
   * @param referenceRecords records sampled from the reference window
   * @param limit the most records sampled from each
   * @param change the metric's change between the two samples, when both have records
   */
  public record PairSampleSize(
      int windowRecords, int referenceRecords, int limit, OptionalDouble change) {
    public PairSampleSize {
      Objects.requireNonNull(change, "change");
    }
  }

  public SegmentAnalysis {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(alignment, "alignment");
    Objects.requireNonNull(windowTotals, "windowTotals");
    Objects.requireNonNull(referenceTotals, "referenceTotals");
    Objects.requireNonNull(overallChange, "overallChange");
    slices = List.copyOf(slices);
    pairSlices = List.copyOf(pairSlices);
    Objects.requireNonNull(pairSample, "pairSample");
    Objects.requireNonNull(summary, "summary");
  }
}
