package io.vigil.tools.incident;

import io.vigil.tools.store.JsonColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code incident_evidence} table: an incident's evidence in the order it was gathered. */
final class EvidenceRows {

  private EvidenceRows() {}

  /**
   * Appends evidence after what the incident has already.
   *
   * @throws IllegalArgumentException if an id repeats, in the list or against stored evidence
   */
  static void insert(Connection connection, long key, List<Evidence> evidence) throws SQLException {
    Set<String> ids = new HashSet<>(ids(connection, key));
    for (Evidence item : evidence) {
      if (!ids.add(item.id())) {
        throw new IllegalArgumentException(
            "evidence "
                + item.id()
                + " appears twice in "
                + IncidentIds.INCIDENT.format(key)
                + "; evidence ids are unique within an incident");
      }
    }
    int position = ids.size() - evidence.size();
    String sql =
        "INSERT INTO incident_evidence (incident_id, evidence_id, position, kind, subject, finding,"
            + " figures, query_tool, query_arguments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Evidence item : evidence) {
        insert.setLong(1, key);
        insert.setString(2, item.id());
        insert.setInt(3, ++position);
        insert.setString(4, item.kind().name());
        insert.setString(5, item.subject());
        insert.setString(6, item.finding());
        insert.setString(7, JsonColumn.write(item.figures()));
        insert.setString(8, item.query().tool());
        insert.setString(9, JsonColumn.write(item.query().sortedArguments()));
        insert.addBatch();
      }
      if (!evidence.isEmpty()) {
        insert.executeBatch();
      }
    }
  }

  static List<String> ids(Connection connection, long key) throws SQLException {
    List<String> ids = new ArrayList<>();
    String sql =
        "SELECT evidence_id FROM incident_evidence WHERE incident_id = ? ORDER BY position";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  static List<Evidence> list(Connection connection, long key) throws SQLException {
    String sql =
        "SELECT evidence_id, kind, subject, finding, figures, query_tool, query_arguments"
            + " FROM incident_evidence WHERE incident_id = ? ORDER BY position";
    List<Evidence> evidence = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          evidence.add(
              new Evidence(
                  rows.getString("evidence_id"),
                  EvidenceKind.valueOf(rows.getString("kind")),
                  rows.getString("subject"),
                  rows.getString("finding"),
                  JsonColumn.readNumbers(rows.getString("figures")),
                  new EvidenceQuery(
                      rows.getString("query_tool"),
                      JsonColumn.readStrings(rows.getString("query_arguments")))));
        }
      }
    }
    return evidence;
  }
}
