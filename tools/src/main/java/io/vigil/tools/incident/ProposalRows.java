package io.vigil.tools.incident;

import io.vigil.tools.store.JsonColumn;
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
import java.util.TreeMap;

/** The {@code proposal} and {@code approval} tables. */
final class ProposalRows {

  private static final String COLUMNS =
      "id, incident_id, action_type, action_model, action_arguments, action_hash, rationale,"
          + " proposed_by, proposed_at, expires_at, status";

  private ProposalRows() {}

  static Proposal insert(
      Connection connection,
      long incidentKey,
      RemediationAction action,
      String rationale,
      String proposedBy,
      Instant at,
      Instant expiresAt)
      throws SQLException {
    String sql =
        "INSERT INTO proposal (incident_id, action_type, action_model, action_arguments,"
            + " action_hash, rationale, proposed_by, proposed_at, expires_at, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert =
        connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, incidentKey);
      insert.setString(2, action.type().name());
      insert.setString(3, action.model());
      insert.setString(4, JsonColumn.write(new TreeMap<>(action.arguments())));
      insert.setString(5, action.hash());
      insert.setString(6, rationale);
      insert.setString(7, proposedBy);
      Timestamps.set(insert, 8, at);
      Timestamps.set(insert, 9, expiresAt);
      insert.setString(10, ProposalStatus.PENDING_APPROVAL.name());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return require(connection, keys.getLong(1));
      }
    }
  }

  /** Marks the incident's pending proposals superseded; returns their ids. */
  static List<String> supersedePending(Connection connection, long incidentKey)
      throws SQLException {
    List<String> superseded = new ArrayList<>();
    for (Proposal proposal : ofIncident(connection, incidentKey)) {
      if (proposal.status() == ProposalStatus.PENDING_APPROVAL) {
        long key = IncidentIds.PROPOSAL.parse(proposal.id()).orElseThrow();
        move(connection, key, ProposalStatus.PENDING_APPROVAL, ProposalStatus.SUPERSEDED);
        superseded.add(proposal.id());
      }
    }
    return superseded;
  }

  /**
   * Moves the proposal's status from {@code expected} to {@code next} (compare-and-set).
   *
   * @throws StaleStateException if it is in another status
   */
  static Proposal move(
      Connection connection, long key, ProposalStatus expected, ProposalStatus next)
      throws SQLException {
    String sql = "UPDATE proposal SET status = ? WHERE id = ? AND status = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, next.name());
      update.setLong(2, key);
      update.setString(3, expected.name());
      if (update.executeUpdate() == 0) {
        Proposal actual = require(connection, key);
        throw new StaleStateException(actual.id(), expected.name(), actual.status().name());
      }
    }
    return require(connection, key);
  }

  static Optional<Proposal> find(Connection connection, long key) throws SQLException {
    return select(connection, "WHERE id = ?", key).stream().findFirst();
  }

  static Proposal require(Connection connection, long key) throws SQLException {
    return find(connection, key)
        .orElseThrow(() -> UnknownIncidentException.proposal(IncidentIds.PROPOSAL.format(key)));
  }

  static long incidentKey(Proposal proposal) {
    return IncidentIds.INCIDENT.parse(proposal.incidentId()).orElseThrow();
  }

  static List<Proposal> ofIncident(Connection connection, long incidentKey) throws SQLException {
    return select(connection, "WHERE incident_id = ? ORDER BY id", incidentKey);
  }

  static List<Proposal> pending(Connection connection) throws SQLException {
    return select(
        connection, "WHERE status = ? ORDER BY id", ProposalStatus.PENDING_APPROVAL.name());
  }

  static void insertApproval(Connection connection, long proposalKey, Approval approval)
      throws SQLException {
    String sql =
        "INSERT INTO approval (proposal_id, action_hash, decision, decided_by, decided_at,"
            + " valid_until, comment) VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, proposalKey);
      insert.setString(2, approval.actionHash());
      insert.setString(3, approval.decision().name());
      insert.setString(4, approval.decidedBy());
      Timestamps.set(insert, 5, approval.decidedAt());
      Timestamps.set(insert, 6, approval.validUntil());
      insert.setString(7, approval.comment());
      insert.executeUpdate();
    }
  }

  static List<Approval> approvals(Connection connection, long proposalKey) throws SQLException {
    String sql =
        "SELECT action_hash, decision, decided_by, decided_at, valid_until, comment FROM approval"
            + " WHERE proposal_id = ? ORDER BY id";
    List<Approval> approvals = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, proposalKey);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          approvals.add(
              new Approval(
                  IncidentIds.PROPOSAL.format(proposalKey),
                  rows.getString("action_hash"),
                  Decision.valueOf(rows.getString("decision")),
                  rows.getString("decided_by"),
                  Timestamps.get(rows, "decided_at"),
                  Timestamps.get(rows, "valid_until"),
                  rows.getString("comment")));
        }
      }
    }
    return approvals;
  }

  private static List<Proposal> select(Connection connection, String where, Object parameter)
      throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM proposal " + where;
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        List<Proposal> proposals = new ArrayList<>();
        while (rows.next()) {
          proposals.add(proposal(rows));
        }
        return proposals;
      }
    }
  }

  private static Proposal proposal(ResultSet rows) throws SQLException {
    RemediationAction action =
        new RemediationAction(
            ActionType.valueOf(rows.getString("action_type")),
            rows.getString("action_model"),
            JsonColumn.readStrings(rows.getString("action_arguments")));
    return new Proposal(
        IncidentIds.PROPOSAL.format(rows.getLong("id")),
        IncidentIds.INCIDENT.format(rows.getLong("incident_id")),
        action,
        rows.getString("action_hash"),
        rows.getString("rationale"),
        rows.getString("proposed_by"),
        Timestamps.get(rows, "proposed_at"),
        Timestamps.get(rows, "expires_at"),
        ProposalStatus.valueOf(rows.getString("status")));
  }
}
