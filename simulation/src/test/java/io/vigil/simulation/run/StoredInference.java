package io.vigil.simulation.run;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One stored inference as a determinism test compares it: every column a run decides. */
record StoredInference(
    String requestId,
    String version,
    Instant at,
    String features,
    String predictedClass,
    Double confidence,
    Double latencyMs,
    String segment,
    String errorType,
    String labelClass,
    Instant labeledAt,
    Boolean correct) {

  private static final String SQL =
      "SELECT i.request_id, v.version, i.ts, i.features, i.predicted_class, i.confidence,"
          + " i.latency_ms, i.segment, i.error_type, i.label_class, i.labeled_at, i.correct"
          + " FROM inference i JOIN model_version v ON v.id = i.version_id ORDER BY i.seq";

  static List<StoredInference> readAll(Database database) {
    List<StoredInference> rows = new ArrayList<>();
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(SQL);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(
            new StoredInference(
                result.getString(1),
                result.getString(2),
                Timestamps.get(result, "ts"),
                result.getString(4),
                result.getString(5),
                result.getObject(6, Double.class),
                result.getObject(7, Double.class),
                result.getString(8),
                result.getString(9),
                result.getString(10),
                Timestamps.get(result, "labeled_at"),
                result.getObject(12, Boolean.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
