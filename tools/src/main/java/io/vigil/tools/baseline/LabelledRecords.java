package io.vigil.tools.baseline;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Labelled classification records read back as calibration rows, always with a LIMIT. A record's
 * confidence is its own, else its predicted class's probability, as ingestion profiles it; records
 * with neither are skipped.
 */
public final class LabelledRecords {

  private static final String COLUMNS =
      "SELECT label_class, predicted_class, confidence, probabilities FROM inference"
          + " WHERE model_id = ? AND version_id = ? AND correct IS NOT NULL"
          + " AND (confidence IS NOT NULL OR probabilities IS NOT NULL)";

  private final Database database;

  public LabelledRecords(Database database) {
    this.database = database;
  }

  /**
   * The version's latest labelled records made at or after {@code since}, at most {@code limit},
   * newest first. {@code since} bounds the scan: choose it from the window counters so that the
   * windows after it hold about {@code limit} labels.
   */
  public CalibrationRows latest(long modelId, long versionId, Instant since, int limit) {
    return read(
        // model_id in the order too: H2 then reads the (model_id, ts) index newest first
        // instead of sorting the model's rows (see LatestRecords).
        COLUMNS + " AND ts >= ? ORDER BY model_id DESC, ts DESC LIMIT ?",
        limit,
        statement -> {
          statement.setLong(1, modelId);
          statement.setLong(2, versionId);
          Timestamps.set(statement, 3, since);
          statement.setInt(4, limit);
        });
  }

  /**
   * Every {@code stride}-th labelled record of the range by commit order (at most {@code limit}): a
   * sample spread evenly over the range.
   */
  CalibrationRows spread(long modelId, long versionId, TimeRange range, long stride, int limit) {
    return read(
        COLUMNS + " AND ts >= ? AND ts < ? AND MOD(seq, ?) = 0 ORDER BY seq LIMIT ?",
        limit,
        statement -> {
          statement.setLong(1, modelId);
          statement.setLong(2, versionId);
          Timestamps.set(statement, 3, range.from());
          Timestamps.set(statement, 4, range.to());
          statement.setLong(5, stride);
          statement.setInt(6, limit);
        });
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private CalibrationRows read(String sql, int limit, Binder binder) {
    CalibrationRows.Sampler rows = new CalibrationRows.Sampler(Math.max(1, limit));
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          accept(rows, result);
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read labelled records", e);
    }
    return rows.rows();
  }

  private static void accept(CalibrationRows.Sampler rows, ResultSet result) throws SQLException {
    String predicted = result.getString("predicted_class");
    double confidence = result.getDouble("confidence");
    if (result.wasNull()) {
      String probabilities = result.getString("probabilities");
      Map<String, Double> byClass =
          probabilities == null ? Map.of() : JsonColumn.readNumbers(probabilities);
      Double probability = byClass.get(predicted);
      if (probability == null) {
        return;
      }
      confidence = probability;
    }
    rows.accept(result.getString("label_class"), predicted, confidence);
  }
}
