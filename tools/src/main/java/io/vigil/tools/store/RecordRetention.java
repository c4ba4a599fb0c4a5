package io.vigil.tools.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drops raw inference records (and labels left without an inference) older than a configured age,
 * while window counters and profiles stay, so long histories keep their accuracy, drift and latency
 * answers at a fraction of the size. Deletes a day at a time per model, each in its own
 * transaction, so the writer is never blocked for long.
 *
 * <p>A request id older than the retention age is forgotten: if a client resends it, it is stored
 * again.
 */
public final class RecordRetention {

  private static final Duration STEP = Duration.ofDays(1);

  private final Database database;
  private final InstantSource clock;

  public RecordRetention(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * What one run removed.
   *
   * @param cutoff records made before this instant were dropped
   * @param records raw inference records deleted
   * @param labels labels deleted (received before the cutoff, their inference gone)
   */
  public record Result(Instant cutoff, long records, long labels) {}

  /**
   * Deletes raw records made more than {@code age} ago.
   *
   * @throws IllegalArgumentException if {@code age} is not positive
   * @throws StoreUnavailableException if the store fails (what was deleted stays deleted)
   */
  public Result dropOlderThan(Duration age) {
    Objects.requireNonNull(age, "age");
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("retention age must be positive, was " + age);
    }
    Instant cutoff = clock.instant().minus(age);
    long records = 0;
    try (Connection connection = database.connection()) {
      for (long modelId : modelIds(connection)) {
        records += dropModel(connection, modelId, cutoff);
      }
      long labels = dropOrphanLabels(connection, cutoff);
      return new Result(cutoff, records, labels);
    } catch (SQLException e) {
      throw new StoreUnavailableException("retention failed: " + e.getMessage(), e);
    }
  }

  private static long dropModel(Connection connection, long modelId, Instant cutoff)
      throws SQLException {
    Instant oldest = oldest(connection, modelId);
    long deleted = 0;
    while (oldest != null && oldest.isBefore(cutoff)) {
      Instant until = oldest.plus(STEP).isBefore(cutoff) ? oldest.plus(STEP) : cutoff;
      try (PreparedStatement statement =
          connection.prepareStatement("DELETE FROM inference WHERE model_id = ? AND ts < ?")) {
        statement.setLong(1, modelId);
        Timestamps.set(statement, 2, until);
        deleted += statement.executeUpdate();
      }
      oldest = until.equals(cutoff) ? null : until;
    }
    return deleted;
  }

  private static long dropOrphanLabels(Connection connection, Instant cutoff) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "DELETE FROM label WHERE received_at < ? AND NOT EXISTS (SELECT 1 FROM inference i"
                + " WHERE i.request_id = label.request_id AND i.model_id = label.model_id)")) {
      Timestamps.set(statement, 1, cutoff);
      return statement.executeUpdate();
    }
  }

  private static Instant oldest(Connection connection, long modelId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT min(ts) AS oldest FROM inference WHERE model_id = ?")) {
      statement.setLong(1, modelId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Timestamps.get(rows, "oldest") : null;
      }
    }
  }

  private static List<Long> modelIds(Connection connection) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM model ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }
}
