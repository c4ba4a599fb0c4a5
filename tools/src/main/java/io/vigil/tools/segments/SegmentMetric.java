package io.vigil.tools.segments;

/** What a segment analysis compares between windows. */
public enum SegmentMetric {
  /** Correct predictions over labelled records (classification models); a drop is a degradation. */
  ACCURACY,
  /** Failed requests over all records; a rise is a degradation. */
  ERROR_RATE;

  /** +1 when a rise of the metric is a degradation, −1 when a drop is. */
  int degradationSign() {
    return this == ERROR_RATE ? 1 : -1;
  }

  /** The metric's numerator in {@code counts}. */
  long successes(SliceCounts counts) {
    return this == ACCURACY ? counts.correct() : counts.failed();
  }

  /** The metric's denominator in {@code counts}: labelled records, or all records. */
  long trials(SliceCounts counts) {
    return this == ACCURACY ? counts.labeled() : counts.records();
  }

  String label() {
    return this == ACCURACY ? "accuracy" : "error rate";
  }
}
