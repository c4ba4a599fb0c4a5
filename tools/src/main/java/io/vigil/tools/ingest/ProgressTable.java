package io.vigil.tools.ingest;

import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The profile watermark ({@code ingest_progress}) and the replay of records past it. */
final class ProgressTable {

  private static final int REPLAY_FETCH_SIZE = 1_000;

  private ProgressTable() {}

  @FunctionalInterface
  interface ReplaySink {
    void accept(ProfileInput input) throws SQLException;
  }

  static long read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT profiled_seq FROM ingest_progress WHERE id = 1")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static long maxSeq(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT max(seq) FROM inference")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static void write(Connection connection, long profiledSeq) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("UPDATE ingest_progress SET profiled_seq = ? WHERE id = 1")) {
      statement.setLong(1, profiledSeq);
      statement.executeUpdate();
    }
  }

  /** Streams the records committed after {@code profiledSeq} up to {@code upToSeq}, in order. */
  static void replay(Connection connection, long profiledSeq, long upToSeq, ReplaySink sink)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT model_id, version_id, seq, ts, features, predicted_class, predicted_value,"
                + " confidence, probabilities, latency_ms FROM inference WHERE seq > ? AND seq <= ?"
                + " ORDER BY seq")) {
      statement.setLong(1, profiledSeq);
      statement.setLong(2, upToSeq);
      statement.setFetchSize(REPLAY_FETCH_SIZE);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Outcome prediction = InferenceTable.outcome(rows, "predicted_class", "predicted_value");
          sink.accept(
              new ProfileInput(
                  rows.getLong("model_id"),
                  rows.getLong("version_id"),
                  rows.getLong("seq"),
                  Timestamps.get(rows, "ts"),
                  FeatureJson.read(rows.getString("features")),
                  prediction,
                  confidence(rows, prediction),
                  optionalDouble(rows, "latency_ms")));
        }
      }
    }
  }

  /** The confidence as ingestion profiled it: the record's own, else its class's probability. */
  private static OptionalDouble confidence(ResultSet rows, Outcome prediction) throws SQLException {
    OptionalDouble own = optionalDouble(rows, "confidence");
    String probabilities = rows.getString("probabilities");
    if (own.isPresent() || probabilities == null || !(prediction instanceof Outcome.Category c)) {
      return own;
    }
    Map<String, Double> byClass = JsonColumn.readNumbers(probabilities);
    return Optional.ofNullable(byClass.get(c.value()))
        .map(OptionalDouble::of)
        .orElse(OptionalDouble.empty());
  }

  private static OptionalDouble optionalDouble(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
