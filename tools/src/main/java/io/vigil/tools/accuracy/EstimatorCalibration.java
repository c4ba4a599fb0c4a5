package io.vigil.tools.accuracy;

import io.vigil.detectors.performance.AccuracyEstimator;
import io.vigil.detectors.performance.ConfidenceBasedPerformanceEstimation;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.baseline.CalibrationRows;
import io.vigil.tools.baseline.LabelledRecords;
import io.vigil.tools.baseline.StoredBaseline;
import io.vigil.tools.store.Database;
import java.util.Optional;

/**
 * Finds what a version's label-free accuracy estimate is calibrated on: the calibration rows of its
 * newest baseline, else its latest labelled records that carry a confidence, read with a LIMIT.
 */
final class EstimatorCalibration {

  /** The most labelled records read when there is no baseline calibration. */
  static final int MAX_TRAFFIC_ROWS = 20_000;

  /**
   * The fewest rows a calibration is fitted on: an isotonic fit on fewer is mostly noise, and its
   * estimates' intervals (which leave out the calibration's own error) would be too narrow.
   */
  static final int MIN_ROWS = 200;

  /** A fitted estimator with what it was fitted on, or why there is none. */
  record Fitted(EstimateSource source, Optional<AccuracyEstimator> estimator, String note) {}

  private final LabelledRecords labelled;
  private final WindowCounters counters;
  private final BaselineService baselines;

  EstimatorCalibration(Database database, BaselineService baselines) {
    this.labelled = new LabelledRecords(database);
    this.counters = new WindowCounters(database);
    this.baselines = baselines;
  }

  Fitted find(long modelId, long versionId) {
    Optional<StoredBaseline> baseline = baselines.latest(modelId, versionId);
    Optional<CalibrationRows> rows = baseline.flatMap(StoredBaseline::calibration);
    if (rows.isPresent() && rows.get().size() >= MIN_ROWS) {
      return fromBaseline(baseline.get(), rows.get());
    }
    String why =
        baseline.isEmpty()
            ? "the version has no baseline"
            : "its newest baseline has "
                + rows.map(CalibrationRows::size).orElse(0)
                + " calibration rows";
    CalibrationRows traffic =
        counters
            .labelledSince(modelId, versionId, MAX_TRAFFIC_ROWS)
            .map(since -> labelled.latest(modelId, versionId, since, MAX_TRAFFIC_ROWS))
            .orElse(CalibrationRows.empty());
    if (traffic.size() < MIN_ROWS) {
      return new Fitted(
          EstimateSource.NONE,
          Optional.empty(),
          "no estimate: "
              + why
              + " and only "
              + traffic.size()
              + " labelled records carry a confidence; at least "
              + MIN_ROWS
              + " are needed to calibrate");
    }
    return new Fitted(
        EstimateSource.LABELLED_TRAFFIC,
        Optional.of(
            ConfidenceBasedPerformanceEstimation.withDefaults()
                .fit(traffic.actual(), traffic.predicted(), traffic.confidence())),
        "calibrated on the version's latest "
            + traffic.size()
            + " labelled records with a confidence, because "
            + why);
  }

  private static Fitted fromBaseline(StoredBaseline baseline, CalibrationRows calibration) {
    return new Fitted(
        EstimateSource.BASELINE_CALIBRATION,
        Optional.of(
            ConfidenceBasedPerformanceEstimation.withDefaults()
                .fit(calibration.actual(), calibration.predicted(), calibration.confidence())),
        "calibrated on "
            + calibration.size()
            + " labelled rows of baseline #"
            + baseline.baseline().id()
            + " ("
            + baseline.baseline().description()
            + ")");
  }
}
