package io.vigil.tools.accuracy;

import io.vigil.detectors.performance.AccuracyEstimator;
import io.vigil.detectors.performance.ConfidenceBasedPerformanceEstimation;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.baseline.CalibrationRows;
import io.vigil.tools.baseline.StoredBaseline;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private final Database database;
  private final BaselineService baselines;

  EstimatorCalibration(Database database, BaselineService baselines) {
    this.database = database;
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
    TrafficRows traffic = latestLabelled(modelId, versionId);
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

  /** Labelled records as class indexes and confidences. */
  private record TrafficRows(int[] actual, int[] predicted, double[] confidence) {
    int size() {
      return actual.length;
    }
  }

  private TrafficRows latestLabelled(long modelId, long versionId) {
    String sql =
        "SELECT label_class, predicted_class, confidence FROM inference"
            + " WHERE model_id = ? AND version_id = ? AND correct IS NOT NULL"
            + " AND confidence IS NOT NULL ORDER BY ts DESC LIMIT ?";
    Map<String, Integer> classes = new HashMap<>();
    List<int[]> pairs = new ArrayList<>();
    List<Double> confidences = new ArrayList<>();
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      statement.setLong(2, versionId);
      statement.setInt(3, MAX_TRAFFIC_ROWS);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          int actual = classes.computeIfAbsent(rows.getString("label_class"), k -> classes.size());
          int predicted =
              classes.computeIfAbsent(rows.getString("predicted_class"), k -> classes.size());
          pairs.add(new int[] {actual, predicted});
          confidences.add(rows.getDouble("confidence"));
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read labelled records", e);
    }
    int n = pairs.size();
    int[] actual = new int[n];
    int[] predicted = new int[n];
    double[] confidence = new double[n];
    for (int i = 0; i < n; i++) {
      actual[i] = pairs.get(i)[0];
      predicted[i] = pairs.get(i)[1];
      confidence[i] = confidences.get(i);
    }
    return new TrafficRows(actual, predicted, confidence);
  }
}
