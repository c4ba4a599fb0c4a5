package io.vigil.tools.latency;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads the exact per-window counters of a range: requests and failures, and failures by type. */
final class LatencyCounters {

  /** One window's counters of one version. */
  record WindowCount(long versionId, Instant windowStart, long records, long failed) {}

  /** One window's failures of one type and version. */
  record WindowErrors(long versionId, Instant windowStart, String errorType, long records) {}

  private final long modelId;
  private final OptionalLong versionId;

  LatencyCounters(long modelId, OptionalLong versionId) {
    this.modelId = modelId;
    this.versionId = versionId;
  }

  List<WindowCount> counts(Connection connection, TimeRange range) throws SQLException {
    List<WindowCount> counts = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT version_id, window_start, records, failed FROM window_stats" + where())) {
      bind(statement, range);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.add(
              new WindowCount(
                  rows.getLong("version_id"),
                  Timestamps.get(rows, "window_start"),
                  rows.getLong("records"),
                  rows.getLong("failed")));
        }
      }
    }
    return counts;
  }

  List<WindowErrors> errors(Connection connection, TimeRange range) throws SQLException {
    List<WindowErrors> errors = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT version_id, window_start, error_type, records FROM window_error" + where())) {
      bind(statement, range);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          errors.add(
              new WindowErrors(
                  rows.getLong("version_id"),
                  Timestamps.get(rows, "window_start"),
                  rows.getString("error_type"),
                  rows.getLong("records")));
        }
      }
    }
    return errors;
  }

  private String where() {
    return " WHERE model_id = ? AND window_start >= ? AND window_start < ?"
        + (versionId.isPresent() ? " AND version_id = ?" : "");
  }

  private void bind(PreparedStatement statement, TimeRange range) throws SQLException {
    statement.setLong(1, modelId);
    Timestamps.set(statement, 2, range.from());
    Timestamps.set(statement, 3, range.to());
    if (versionId.isPresent()) {
      statement.setLong(4, versionId.getAsLong());
    }
  }
}
