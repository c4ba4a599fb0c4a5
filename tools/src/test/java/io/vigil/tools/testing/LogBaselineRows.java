package io.vigil.tools.testing;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a traffic-window baseline straight into the {@code baseline} tables, for tests of the
 * services that read baselines without depending on the service that makes them.
 */
final class LogBaselineRows {

  private LogBaselineRows() {}

  static long insert(
      Database database,
      long modelId,
      long versionId,
      TimeRange window,
      long records,
      Instant createdAt,
      Map<String, FeatureProfile> profiles) {
    try (Connection connection = database.connection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO baseline (model_id, version_id, source, description, window_from,"
                    + " window_to, records, created_at) VALUES (?, ?, 'TRAFFIC_WINDOW', ?, ?, ?, ?,"
                    + " ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      statement.setLong(1, modelId);
      statement.setLong(2, versionId);
      statement.setString(3, "reference period of the log fixture");
      Timestamps.set(statement, 4, window.from());
      Timestamps.set(statement, 5, window.to());
      statement.setLong(6, records);
      Timestamps.set(statement, 7, createdAt);
      statement.executeUpdate();
      long id;
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      insertProfiles(connection, id, profiles);
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert the test baseline", e);
    }
  }

  private static void insertProfiles(
      Connection connection, long baselineId, Map<String, FeatureProfile> profiles)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO baseline_profile (baseline_id, feature, kind, profile) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, FeatureProfile> profile : profiles.entrySet()) {
        statement.setLong(1, baselineId);
        statement.setString(2, profile.getKey());
        statement.setString(
            3, profile.getValue() instanceof NumericProfile ? "NUMERIC" : "CATEGORICAL");
        statement.setBytes(4, profile.getValue().toBytes());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
