package io.vigil.tools.ingest;

import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one commit makes to the exact per-window counters ({@code window_stats}, {@code
 * window_error}, {@code window_segment}), summed in memory and applied in the same transaction as
 * the records. Label corrections make negative changes.
 */
final class WindowCounters {

  record WindowKey(long modelId, long versionId, Instant windowStart) {}

  record ErrorKey(WindowKey window, String errorType) {}

  record SegmentKey(WindowKey window, String attribute, String value) {}

  /** Changes to one row; every field is added to the stored value. */
  static final class Delta {
    long records;
    long failed;
    long labeled;
    long correct;
    double absoluteError;
    double squaredError;
  }

  private final Map<WindowKey, Delta> stats = new LinkedHashMap<>();
  private final Map<ErrorKey, Long> errors = new LinkedHashMap<>();
  private final Map<SegmentKey, Delta> segments = new LinkedHashMap<>();

  Delta window(WindowKey key) {
    return stats.computeIfAbsent(key, k -> new Delta());
  }

  void error(WindowKey key, String errorType) {
    errors.merge(new ErrorKey(key, errorType), 1L, Long::sum);
  }

  Delta segment(WindowKey key, String attribute, String value) {
    return segments.computeIfAbsent(new SegmentKey(key, attribute, value), k -> new Delta());
  }

  boolean isEmpty() {
    return stats.isEmpty() && errors.isEmpty() && segments.isEmpty();
  }

  void apply(Connection connection) throws SQLException {
    applyStats(connection);
    applyErrors(connection);
    applySegments(connection);
  }

  private void applyStats(Connection connection) throws SQLException {
    List<Map.Entry<WindowKey, Delta>> entries = new ArrayList<>(stats.entrySet());
    int[] updated;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE window_stats SET records = records + ?, failed = failed + ?, labeled = labeled"
                + " + ?, correct = correct + ?, absolute_error_sum = absolute_error_sum + ?,"
                + " squared_error_sum = squared_error_sum + ? WHERE model_id = ? AND version_id = ?"
                + " AND window_start = ?")) {
      for (Map.Entry<WindowKey, Delta> entry : entries) {
        bindDelta(update, 1, entry.getValue());
        bindWindow(update, 7, entry.getKey());
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO window_stats (records, failed, labeled, correct, absolute_error_sum,"
                + " squared_error_sum, model_id, version_id, window_start)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      boolean any = false;
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          bindDelta(insert, 1, entries.get(i).getValue());
          bindWindow(insert, 7, entries.get(i).getKey());
          insert.addBatch();
          any = true;
        }
      }
      if (any) {
        insert.executeBatch();
      }
    }
  }

  private void applyErrors(Connection connection) throws SQLException {
    List<Map.Entry<ErrorKey, Long>> entries = new ArrayList<>(errors.entrySet());
    int[] updated;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE window_error SET records = records + ? WHERE model_id = ? AND version_id = ?"
                + " AND window_start = ? AND error_type = ?")) {
      for (Map.Entry<ErrorKey, Long> entry : entries) {
        update.setLong(1, entry.getValue());
        bindWindow(update, 2, entry.getKey().window());
        update.setString(5, entry.getKey().errorType());
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO window_error (records, model_id, version_id, window_start, error_type)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      boolean any = false;
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          insert.setLong(1, entries.get(i).getValue());
          bindWindow(insert, 2, entries.get(i).getKey().window());
          insert.setString(5, entries.get(i).getKey().errorType());
          insert.addBatch();
          any = true;
        }
      }
      if (any) {
        insert.executeBatch();
      }
    }
  }

  private void applySegments(Connection connection) throws SQLException {
    List<Map.Entry<SegmentKey, Delta>> entries = new ArrayList<>(segments.entrySet());
    int[] updated;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE window_segment SET records = records + ?, failed = failed + ?, labeled ="
                + " labeled + ?, correct = correct + ? WHERE model_id = ? AND version_id = ? AND"
                + " window_start = ? AND attribute = ? AND segment_value = ?")) {
      for (Map.Entry<SegmentKey, Delta> entry : entries) {
        bindSegment(update, entry);
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO window_segment (records, failed, labeled, correct, model_id, version_id,"
                + " window_start, attribute, segment_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      boolean any = false;
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          bindSegment(insert, entries.get(i));
          insert.addBatch();
          any = true;
        }
      }
      if (any) {
        insert.executeBatch();
      }
    }
  }

  private static void bindSegment(PreparedStatement statement, Map.Entry<SegmentKey, Delta> entry)
      throws SQLException {
    Delta delta = entry.getValue();
    statement.setLong(1, delta.records);
    statement.setLong(2, delta.failed);
    statement.setLong(3, delta.labeled);
    statement.setLong(4, delta.correct);
    bindWindow(statement, 5, entry.getKey().window());
    statement.setString(8, entry.getKey().attribute());
    statement.setString(9, entry.getKey().value());
  }

  private static void bindDelta(PreparedStatement statement, int first, Delta delta)
      throws SQLException {
    statement.setLong(first, delta.records);
    statement.setLong(first + 1, delta.failed);
    statement.setLong(first + 2, delta.labeled);
    statement.setLong(first + 3, delta.correct);
    statement.setDouble(first + 4, delta.absoluteError);
    statement.setDouble(first + 5, delta.squaredError);
  }

  private static void bindWindow(PreparedStatement statement, int first, WindowKey key)
      throws SQLException {
    statement.setLong(first, key.modelId());
    statement.setLong(first + 1, key.versionId());
    Timestamps.set(statement, first + 2, key.windowStart());
  }
}
