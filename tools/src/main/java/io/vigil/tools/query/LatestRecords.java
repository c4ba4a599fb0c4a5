package io.vigil.tools.query;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * When a model's latest record was made: where relative time windows end, so that replayed and
 * backfilled data answer like live data. Falls back to the newest window's counters once raw
 * records have been dropped by retention.
 */
public final class LatestRecords {

  /** See {@link #max}: the order names the index's whole key. */
  static final String LATEST_RECORD =
      "SELECT ts AS latest FROM inference WHERE model_id = ? ORDER BY model_id DESC, ts DESC LIMIT 1";

  private final Database database;

  public LatestRecords(Database database) {
    this.database = database;
  }

  /** The latest record's timestamp, or empty when the model has no records. */
  public Optional<Instant> latest(long modelId) {
    try (Connection connection = database.connection()) {
      Instant raw = max(connection, LATEST_RECORD, modelId);
      if (raw != null) {
        return Optional.of(raw);
      }
      return Optional.ofNullable(
          max(
              connection,
              "SELECT window_start AS latest FROM window_stats WHERE model_id = ?"
                  + " ORDER BY window_start DESC LIMIT 1",
              modelId));
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the latest record time", e);
    }
  }

  /** Resolves {@code window} for a model: relative windows end at its latest record. */
  public TimeRange resolve(TimeWindow window, long modelId, Instant now) {
    return window.resolve(latest(modelId).orElse(null), now);
  }

  /**
   * The newest value the query's single column gives, or null. Written as {@code ORDER BY ... DESC
   * LIMIT 1} rather than {@code max()}: H2 answers it from the {@code (model_id, ts)} index, while
   * its {@code max()} scanned every row of the model while records were being written (half of a
   * simulation run's time). The order names the index's whole key, {@code model_id DESC, ts DESC}:
   * with {@code ts DESC} alone H2 2.3 filters through the index but sorts every row of the model
   * (10 s for a million records, past the request's patience); with both it reads one index entry
   * (4 ms). PostgreSQL gives the same row either way, the model being fixed.
   */
  private static Instant max(Connection connection, String sql, long modelId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Timestamps.get(rows, "latest") : null;
      }
    }
  }
}
