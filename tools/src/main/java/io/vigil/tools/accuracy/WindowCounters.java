package io.vigil.tools.accuracy;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the exact per-window counters ({@code window_stats}): records, failures, labels, correct
 * predictions and error sums per version and window. Reads O(windows × versions) rows.
 */
public final class WindowCounters {

  private final Database database;

  public WindowCounters(Database database) {
    this.database = database;
  }

  /**
   * Each version's counters summed over the windows starting in {@code range}, by version key;
   * versions without records there are absent.
   */
  public Map<Long, WindowCounts> totals(long modelId, TimeRange range) {
    Map<Long, WindowCounts> totals = new HashMap<>();
    read(modelId, Optional.empty(), range)
        .forEach(
            (version, windows) ->
                totals.put(
                    version,
                    windows.values().stream().reduce(WindowCounts.ZERO, WindowCounts::plus)));
    return totals;
  }

  /**
   * The start of the newest window from which on the version's windows hold at least {@code wanted}
   * labelled records (or all of them, when it has fewer): a lower time bound for reading its latest
   * labelled records without scanning unlabelled history.
   */
  public Optional<Instant> labelledSince(long modelId, long versionId, long wanted) {
    String sql =
        "SELECT window_start, labeled FROM window_stats WHERE model_id = ? AND version_id = ?"
            + " AND labeled > 0 ORDER BY window_start DESC";
    Instant since = null;
    long labels = 0;
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      statement.setLong(2, versionId);
      try (ResultSet rows = statement.executeQuery()) {
        while (labels < wanted && rows.next()) {
          since = Timestamps.get(rows, "window_start");
          labels += rows.getLong("labeled");
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the window counters", e);
    }
    return Optional.ofNullable(since);
  }

  /** Version key to its windows' counters, by window start, for windows starting in the range. */
  Map<Long, NavigableMap<Instant, WindowCounts>> read(
      long modelId, Optional<Long> versionId, TimeRange range) {
    String sql =
        "SELECT version_id, window_start, records, failed, labeled, correct, absolute_error_sum,"
            + " squared_error_sum FROM window_stats WHERE model_id = ?"
            + " AND window_start >= ? AND window_start < ?"
            + (versionId.isPresent() ? " AND version_id = ?" : "");
    Map<Long, NavigableMap<Instant, WindowCounts>> byVersion = new HashMap<>();
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      Timestamps.set(statement, 2, range.from());
      Timestamps.set(statement, 3, range.to());
      if (versionId.isPresent()) {
        statement.setLong(4, versionId.get());
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          WindowCounts counts =
              new WindowCounts(
                  rows.getLong("records"),
                  rows.getLong("failed"),
                  rows.getLong("labeled"),
                  rows.getLong("correct"),
                  rows.getDouble("absolute_error_sum"),
                  rows.getDouble("squared_error_sum"));
          byVersion
              .computeIfAbsent(rows.getLong("version_id"), id -> new TreeMap<>())
              .put(Timestamps.get(rows, "window_start"), counts);
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the window counters", e);
    }
    return byVersion;
  }
}
