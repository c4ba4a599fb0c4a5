package io.vigil.tools.baseline;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a window of a version's own traffic into baseline contents: its window profiles merged, its
 * record and label counts from the window counters, and an evenly spread sample of its labelled
 * records as calibration rows.
 */
final class WindowBaseline {

  /** What the window gave. */
  record Contents(
      long records,
      long labeled,
      Map<String, FeatureProfile> profiles,
      Optional<CalibrationRows> calibration) {}

  private final Database database;
  private final ProfileRepository profiles;
  private final LabelledRecords labelled;

  WindowBaseline(Database database, ProfileRepository profiles) {
    this.database = database;
    this.profiles = profiles;
    this.labelled = new LabelledRecords(database);
  }

  /** The contents of an aligned range; calibration rows for classifiers only. */
  Contents read(long modelId, long versionId, TimeRange aligned, ModelTask task) {
    long[] counts = counts(modelId, versionId, aligned);
    Map<String, FeatureProfile> merged = profiles.merged(modelId, versionId, aligned, List.of());
    Optional<CalibrationRows> calibration =
        task == ModelTask.CLASSIFICATION && counts[1] > 0
            ? calibration(modelId, versionId, aligned, counts[1])
            : Optional.empty();
    return new Contents(counts[0], counts[1], merged, calibration);
  }

  /** Records and labelled records of the version in the range, from the exact window counters. */
  private long[] counts(long modelId, long versionId, TimeRange aligned) {
    String sql =
        "SELECT coalesce(sum(records), 0) AS records, coalesce(sum(labeled), 0) AS labeled"
            + " FROM window_stats WHERE model_id = ? AND version_id = ?"
            + " AND window_start >= ? AND window_start < ?";
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      statement.setLong(2, versionId);
      Timestamps.set(statement, 3, aligned.from());
      Timestamps.set(statement, 4, aligned.to());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new long[] {rows.getLong("records"), rows.getLong("labeled")};
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read window counters", e);
    }
  }

  /**
   * Every k-th labelled record by commit order, k chosen so that about {@link
   * CalibrationRows#MAX_ROWS} remain: a sample spread evenly over the window, read with a LIMIT.
   */
  private Optional<CalibrationRows> calibration(
      long modelId, long versionId, TimeRange aligned, long labeled) {
    long stride = Math.max(1, (labeled + CalibrationRows.MAX_ROWS - 1) / CalibrationRows.MAX_ROWS);
    CalibrationRows rows =
        labelled.spread(modelId, versionId, aligned, stride, CalibrationRows.MAX_ROWS);
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows);
  }
}
