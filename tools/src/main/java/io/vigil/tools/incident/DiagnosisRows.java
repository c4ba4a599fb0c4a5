package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentColumns.readList;
import static io.vigil.tools.incident.IncidentColumns.writeList;

import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code incident_diagnosis} table and its hypotheses and ruled-out categories. An incident's
 * diagnosis is its latest.
 */
final class DiagnosisRows {

  private DiagnosisRows() {}

  /**
   * Stores a diagnosis of incident {@code key}.
   *
   * @throws IllegalArgumentException if it cites evidence the incident does not have
   */
  static void insert(Connection connection, long key, Diagnosis diagnosis, Instant at)
      throws SQLException {
    requireCitedEvidence(key, diagnosis, Set.copyOf(EvidenceRows.ids(connection, key)));
    long id;
    String sql =
        "INSERT INTO incident_diagnosis (incident_id, decided_by, fallback_reason, summary,"
            + " diagnosed_at) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement insert =
        connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, key);
      insert.setString(2, diagnosis.decidedBy().name());
      insert.setString(3, diagnosis.fallbackReason().orElse(null));
      insert.setString(4, diagnosis.summary());
      Timestamps.set(insert, 5, at);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    insertHypotheses(connection, id, diagnosis.hypotheses());
    insertRuledOut(connection, id, diagnosis.ruledOut());
  }

  static Optional<Diagnosis> latest(Connection connection, long key) throws SQLException {
    String sql =
        "SELECT id, decided_by, fallback_reason, summary FROM incident_diagnosis"
            + " WHERE incident_id = ? ORDER BY id DESC LIMIT 1";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        long id = rows.getLong("id");
        return Optional.of(
            new Diagnosis(
                hypotheses(connection, id),
                ruledOut(connection, id),
                ReasonerKind.valueOf(rows.getString("decided_by")),
                Optional.ofNullable(rows.getString("fallback_reason")),
                rows.getString("summary")));
      }
    }
  }

  private static void requireCitedEvidence(long key, Diagnosis diagnosis, Set<String> known) {
    List<String> cited = new ArrayList<>();
    diagnosis.hypotheses().forEach(h -> cited.addAll(h.evidenceIds()));
    diagnosis.ruledOut().forEach(r -> cited.addAll(r.evidenceIds()));
    for (String id : cited) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            "the diagnosis cites evidence "
                + id
                + ", which "
                + IncidentIds.INCIDENT.format(key)
                + " does not have; its evidence is "
                + known.stream().sorted().toList());
      }
    }
  }

  private static void insertHypotheses(Connection connection, long id, List<Hypothesis> list)
      throws SQLException {
    String sql =
        "INSERT INTO diagnosis_hypothesis (diagnosis_id, rank, category, culprit, confidence,"
            + " evidence_ids, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Hypothesis hypothesis : list) {
        insert.setLong(1, id);
        insert.setInt(2, hypothesis.rank());
        insert.setString(3, hypothesis.category().name());
        insert.setString(4, hypothesis.culprit());
        insert.setDouble(5, hypothesis.confidence());
        insert.setString(6, writeList(hypothesis.evidenceIds()));
        insert.setString(7, hypothesis.explanation());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertRuledOut(Connection connection, long id, List<RuledOut> list)
      throws SQLException {
    String sql =
        "INSERT INTO diagnosis_ruled_out (diagnosis_id, position, category, reason, evidence_ids)"
            + " VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int position = 0;
      for (RuledOut ruledOut : list) {
        insert.setLong(1, id);
        insert.setInt(2, ++position);
        insert.setString(3, ruledOut.category().name());
        insert.setString(4, ruledOut.reason());
        insert.setString(5, writeList(ruledOut.evidenceIds()));
        insert.addBatch();
      }
      if (position > 0) {
        insert.executeBatch();
      }
    }
  }

  private static List<Hypothesis> hypotheses(Connection connection, long id) throws SQLException {
    String sql =
        "SELECT rank, category, culprit, confidence, evidence_ids, explanation"
            + " FROM diagnosis_hypothesis WHERE diagnosis_id = ? ORDER BY rank";
    List<Hypothesis> hypotheses = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          hypotheses.add(
              new Hypothesis(
                  rows.getInt("rank"),
                  RootCause.valueOf(rows.getString("category")),
                  rows.getString("culprit"),
                  rows.getDouble("confidence"),
                  readList(rows.getString("evidence_ids")),
                  rows.getString("explanation")));
        }
      }
    }
    return hypotheses;
  }

  private static List<RuledOut> ruledOut(Connection connection, long id) throws SQLException {
    String sql =
        "SELECT category, reason, evidence_ids FROM diagnosis_ruled_out WHERE diagnosis_id = ?"
            + " ORDER BY position";
    List<RuledOut> ruledOut = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ruledOut.add(
              new RuledOut(
                  RootCause.valueOf(rows.getString("category")),
                  rows.getString("reason"),
                  readList(rows.getString("evidence_ids"))));
        }
      }
    }
    return ruledOut;
  }
}
