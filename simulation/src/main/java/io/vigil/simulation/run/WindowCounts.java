package io.vigil.simulation.run;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A window's exact counters over all versions of one model, from {@code window_stats} (written in
 * the same transaction as the records and labels they count).
 */
final class WindowCounts {

  private static final String SQL =
      "SELECT COALESCE(SUM(records), 0), COALESCE(SUM(failed), 0), COALESCE(SUM(labeled), 0),"
          + " COALESCE(SUM(correct), 0) FROM window_stats WHERE model_id = ? AND window_start = ?";

  /** The counters of one window. */
  record Counts(long records, long failed, long labelled, long correct) {}

  private final Database database;
  private final long modelId;

  WindowCounts(Database database, long modelId) {
    this.database = database;
    this.modelId = modelId;
  }

  Counts read(Instant windowStart) {
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setLong(1, modelId);
      Timestamps.set(statement, 2, windowStart);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new Counts(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the window counters of " + windowStart, e);
    }
  }
}
