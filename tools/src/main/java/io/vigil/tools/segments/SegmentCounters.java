package io.vigil.tools.segments;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the exact per-window counters of a range: the totals from {@code window_stats}, every
 * attribute's values from {@code window_segment}. O(windows × values), never raw records.
 */
final class SegmentCounters {

  private final long modelId;
  private final OptionalLong versionId;

  SegmentCounters(long modelId, OptionalLong versionId) {
    this.modelId = modelId;
    this.versionId = versionId;
  }

  /** The range's totals over every window starting in it. */
  SliceCounts totals(Connection connection, TimeRange range) throws SQLException {
    String sql =
        "SELECT COALESCE(SUM(records), 0) AS records, COALESCE(SUM(failed), 0) AS failed,"
            + " COALESCE(SUM(labeled), 0) AS labeled, COALESCE(SUM(correct), 0) AS correct"
            + " FROM window_stats"
            + where();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, range);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return counts(rows);
      }
    }
  }

  /** Attribute to value to counters, over every window starting in the range. */
  Map<String, Map<String, SliceCounts>> byAttribute(Connection connection, TimeRange range)
      throws SQLException {
    String sql =
        "SELECT attribute, segment_value, SUM(records) AS records, SUM(failed) AS failed,"
            + " SUM(labeled) AS labeled, SUM(correct) AS correct FROM window_segment"
            + where()
            + " GROUP BY attribute, segment_value ORDER BY attribute, segment_value";
    Map<String, Map<String, SliceCounts>> attributes = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, range);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          attributes
              .computeIfAbsent(rows.getString("attribute"), a -> new LinkedHashMap<>())
              .put(rows.getString("segment_value"), counts(rows));
        }
      }
    }
    return attributes;
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

  private static SliceCounts counts(ResultSet rows) throws SQLException {
    return new SliceCounts(
        rows.getLong("records"),
        rows.getLong("failed"),
        rows.getLong("labeled"),
        rows.getLong("correct"));
  }
}
