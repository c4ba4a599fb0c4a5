package io.vigil.tools.ingest;

import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.SqlDialect;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The writer's statements on {@code inference} and {@code label}; the caller's transaction. */
final class InferenceTable {

  /** Ids per array parameter: one round trip for a whole commit group. */
  private static final int CHUNK = 10_000;

  private InferenceTable() {}

  /** A label as stored. */
  record StoredLabel(Outcome value, Instant timestamp) {}

  /** What a label join needs of a stored inference. */
  record LabelTarget(
      String requestId,
      long versionId,
      Instant windowStart,
      Outcome prediction,
      Outcome previousLabel,
      Map<String, String> segment,
      boolean failed) {}

  /** A new row. */
  record Row(
      long modelId,
      long versionId,
      long seq,
      Instant windowStart,
      InferenceRecord record,
      EncodedColumns encoded,
      StoredLabel label,
      Boolean correct) {}

  /** What the store holds for a batch's request ids: those already stored, labels waiting. */
  record Known(Set<String> stored, Map<String, StoredLabel> labels) {}

  /** Which of {@code ids} are stored already and which have a label waiting, in one round trip. */
  static Known known(Connection connection, long modelId, Collection<String> ids)
      throws SQLException {
    Set<String> stored = new HashSet<>();
    Map<String, StoredLabel> labels = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT wanted.id, i.request_id AS stored_id, l.label_class, l.label_value, l.ts"
                  + " FROM UNNEST(?) AS wanted (id) LEFT JOIN inference i ON i.model_id = ? AND"
                  + " i.request_id = wanted.id LEFT JOIN label l ON l.model_id = ? AND"
                  + " l.request_id = wanted.id WHERE i.request_id IS NOT NULL OR l.request_id IS"
                  + " NOT NULL")) {
        statement.setArray(1, connection.createArrayOf("VARCHAR", chunk.toArray()));
        statement.setLong(2, modelId);
        statement.setLong(3, modelId);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            String id = rows.getString(1);
            if (rows.getString("stored_id") != null) {
              stored.add(id);
            }
            Outcome label = outcome(rows, "label_class", "label_value");
            if (label != null) {
              labels.put(id, new StoredLabel(label, Timestamps.get(rows, "ts")));
            }
          }
        }
      }
    }
    return new Known(stored, labels);
  }

  static Map<String, StoredLabel> labels(
      Connection connection, long modelId, Collection<String> ids) throws SQLException {
    Map<String, StoredLabel> labels = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT l.request_id, l.label_class, l.label_value, l.ts FROM label l JOIN UNNEST(?)"
                  + " AS wanted (id) ON l.request_id = wanted.id WHERE l.model_id = ?")) {
        bindIds(statement, modelId, chunk);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            labels.put(
                rows.getString("request_id"),
                new StoredLabel(
                    outcome(rows, "label_class", "label_value"), Timestamps.get(rows, "ts")));
          }
        }
      }
    }
    return labels;
  }

  static Map<String, LabelTarget> labelTargets(
      Connection connection, long modelId, Collection<String> ids) throws SQLException {
    Map<String, LabelTarget> targets = new LinkedHashMap<>();
    for (List<String> chunk : chunks(ids)) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT i.request_id, i.version_id, i.window_start, i.predicted_class,"
                  + " i.predicted_value, i.label_class, i.label_value, i.segment, i.error_type FROM"
                  + " inference i JOIN UNNEST(?) AS wanted (id) ON i.request_id = wanted.id WHERE"
                  + " i.model_id = ?")) {
        bindIds(statement, modelId, chunk);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            String requestId = rows.getString("request_id");
            targets.put(
                requestId,
                new LabelTarget(
                    requestId,
                    rows.getLong("version_id"),
                    Timestamps.get(rows, "window_start"),
                    outcome(rows, "predicted_class", "predicted_value"),
                    outcome(rows, "label_class", "label_value"),
                    JsonColumn.readStrings(rows.getString("segment")),
                    rows.getString("error_type") != null));
          }
        }
      }
    }
    return targets;
  }

  private static final String COLUMNS =
      "model_id, request_id, seq, version_id, ts, window_start, features, embedding,"
          + " predicted_class, predicted_value, confidence, probabilities, latency_ms, segment,"
          + " error_type, label_class, label_value, labeled_at, correct";

  /** Inserts new rows: PostgreSQL's {@code COPY} there, a batched {@code INSERT} elsewhere. */
  static void insert(Connection connection, SqlDialect dialect, List<Row> rows)
      throws SQLException {
    if (dialect == SqlDialect.POSTGRESQL) {
      CopyRows.copy(
          connection, "COPY inference (" + COLUMNS + ") FROM STDIN WITH (FORMAT binary)", rows);
    } else {
      insertBatch(connection, rows);
    }
  }

  private static void insertBatch(Connection connection, List<Row> rows) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO inference ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Row row : rows) {
        InferenceRecord record = row.record();
        statement.setLong(1, row.modelId());
        statement.setString(2, record.requestId());
        statement.setLong(3, row.seq());
        statement.setLong(4, row.versionId());
        Timestamps.set(statement, 5, record.timestamp());
        Timestamps.set(statement, 6, row.windowStart());
        statement.setString(7, row.encoded().features());
        statement.setBytes(8, record.embedding().map(Embedding::toBytes).orElse(null));
        bindOutcome(statement, 9, record.prediction().orElse(null));
        setDouble(
            statement,
            11,
            record.confidence().isPresent() ? record.confidence().getAsDouble() : null);
        statement.setString(12, row.encoded().probabilities());
        setDouble(
            statement,
            13,
            record.latencyMs().isPresent() ? record.latencyMs().getAsDouble() : null);
        statement.setString(14, row.encoded().segment());
        statement.setString(15, record.error().orElse(null));
        bindOutcome(statement, 16, row.label() == null ? null : row.label().value());
        Timestamps.set(statement, 18, row.label() == null ? null : row.label().timestamp());
        if (row.correct() == null) {
          statement.setNull(19, Types.BOOLEAN);
        } else {
          statement.setBoolean(19, row.correct());
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** Inserts new labels and replaces existing ones. */
  static void writeLabels(
      Connection connection,
      long modelId,
      List<LabelRecord> labels,
      Set<String> existing,
      Instant now)
      throws SQLException {
    try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE label SET label_class = ?, label_value = ?, ts = ?, received_at = ? WHERE"
                    + " model_id = ? AND request_id = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO label (label_class, label_value, ts, received_at, model_id,"
                    + " request_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      boolean updates = false;
      boolean inserts = false;
      for (LabelRecord label : labels) {
        PreparedStatement statement = existing.contains(label.requestId()) ? update : insert;
        bindOutcome(statement, 1, label.label());
        Timestamps.set(statement, 3, label.timestamp());
        Timestamps.set(statement, 4, now);
        statement.setLong(5, modelId);
        statement.setString(6, label.requestId());
        statement.addBatch();
        updates |= statement == update;
        inserts |= statement == insert;
      }
      if (updates) {
        update.executeBatch();
      }
      if (inserts) {
        insert.executeBatch();
      }
    }
  }

  static Set<String> existingLabels(Connection connection, long modelId, Collection<String> ids)
      throws SQLException {
    return labels(connection, modelId, ids).keySet();
  }

  static void setInferenceLabels(
      Connection connection, long modelId, List<LabelRecord> labels, Map<String, Boolean> correct)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE inference SET label_class = ?, label_value = ?, labeled_at = ?, correct = ?"
                + " WHERE model_id = ? AND request_id = ?")) {
      for (LabelRecord label : labels) {
        bindOutcome(statement, 1, label.label());
        Timestamps.set(statement, 3, label.timestamp());
        Boolean isCorrect = correct.get(label.requestId());
        if (isCorrect == null) {
          statement.setNull(4, Types.BOOLEAN);
        } else {
          statement.setBoolean(4, isCorrect);
        }
        statement.setLong(5, modelId);
        statement.setString(6, label.requestId());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  static Outcome outcome(ResultSet rows, String classColumn, String valueColumn)
      throws SQLException {
    String category = rows.getString(classColumn);
    if (category != null) {
      return new Outcome.Category(category);
    }
    double value = rows.getDouble(valueColumn);
    return rows.wasNull() ? null : new Outcome.Number(value);
  }

  private static void bindOutcome(PreparedStatement statement, int first, Outcome outcome)
      throws SQLException {
    statement.setString(first, outcome instanceof Outcome.Category c ? c.value() : null);
    setDouble(statement, first + 1, outcome instanceof Outcome.Number n ? n.value() : null);
  }

  private static void setDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  /**
   * Binds the ids as one array, joined as a table: PostgreSQL then looks each id up in the primary
   * key. (With {@code IN (?, ?...)} or {@code = ANY (?)} and young statistics it chose to scan the
   * model's rows instead, which grew with the table.)
   */
  private static void bindIds(PreparedStatement statement, long modelId, List<String> ids)
      throws SQLException {
    statement.setArray(1, statement.getConnection().createArrayOf("VARCHAR", ids.toArray()));
    statement.setLong(2, modelId);
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }
}
