package io.vigil.tools.incident;

import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code execution} table; its idempotency key is unique. */
final class ExecutionRows {

  /** SQLSTATE of a unique violation, the same on both stores. */
  static final String UNIQUE_VIOLATION = "23505";

  private static final String COLUMNS =
      "proposal_id, idempotency_key, executor, status, started_at, finished_at, detail";

  private ExecutionRows() {}

  /** Thrown inside a write when another transaction stored the same key first. */
  static final class DuplicateKeyException extends RuntimeException {
    DuplicateKeyException(SQLException cause) {
      super(cause);
    }
  }

  static Execution insert(
      Connection connection, Proposal proposal, long incidentKey, String executor, Instant at)
      throws SQLException {
    Execution execution =
        new Execution(
            proposal.id(),
            Execution.keyFor(proposal),
            executor,
            ExecutionStatus.STARTED,
            at,
            at,
            "");
    String sql =
        "INSERT INTO execution (proposal_id, incident_id, model, idempotency_key, executor, status,"
            + " started_at, finished_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, IncidentIds.PROPOSAL.parse(proposal.id()).orElseThrow());
      insert.setLong(2, incidentKey);
      insert.setString(3, proposal.action().model());
      insert.setString(4, execution.idempotencyKey());
      insert.setString(5, executor);
      insert.setString(6, execution.status().name());
      Timestamps.set(insert, 7, at);
      Timestamps.set(insert, 8, at);
      insert.setString(9, execution.detail());
      insert.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new DuplicateKeyException(e);
      }
      throw e;
    }
    return execution;
  }

  /**
   * Finishes a started execution (compare-and-set on its status).
   *
   * @throws StaleStateException if it is not {@link ExecutionStatus#STARTED}
   */
  static Execution finish(
      Connection connection, String key, ExecutionStatus status, String detail, Instant at)
      throws SQLException {
    String sql =
        "UPDATE execution SET status = ?, finished_at = ?, detail = ?"
            + " WHERE idempotency_key = ? AND status = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, status.name());
      Timestamps.set(update, 2, at);
      update.setString(3, detail);
      update.setString(4, key);
      update.setString(5, ExecutionStatus.STARTED.name());
      if (update.executeUpdate() == 0) {
        Execution actual = require(connection, key);
        throw new StaleStateException(
            "execution " + key, ExecutionStatus.STARTED.name(), actual.status().name());
      }
    }
    return require(connection, key);
  }

  static Optional<Execution> find(Connection connection, String key) throws SQLException {
    return select(connection, "WHERE idempotency_key = ?", key, null).stream().findFirst();
  }

  static Execution require(Connection connection, String key) throws SQLException {
    return find(connection, key).orElseThrow(() -> UnknownIncidentException.execution(key));
  }

  static long incidentKey(Connection connection, String key) throws SQLException {
    String sql = "SELECT incident_id FROM execution WHERE idempotency_key = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw UnknownIncidentException.execution(key);
        }
        return rows.getLong(1);
      }
    }
  }

  static List<Execution> ofIncident(Connection connection, long incidentKey) throws SQLException {
    return select(connection, "WHERE incident_id = ? ORDER BY id", incidentKey, null);
  }

  static List<Execution> ofModel(Connection connection, String model, Instant since)
      throws SQLException {
    return select(
        connection, "WHERE model = ? AND started_at >= ? ORDER BY started_at, id", model, since);
  }

  private static List<Execution> select(
      Connection connection, String where, Object parameter, Instant since) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM execution " + where;
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, parameter);
      if (since != null) {
        Timestamps.set(select, 2, since);
      }
      try (ResultSet rows = select.executeQuery()) {
        List<Execution> executions = new ArrayList<>();
        while (rows.next()) {
          executions.add(
              new Execution(
                  IncidentIds.PROPOSAL.format(rows.getLong("proposal_id")),
                  rows.getString("idempotency_key"),
                  rows.getString("executor"),
                  ExecutionStatus.valueOf(rows.getString("status")),
                  Timestamps.get(rows, "started_at"),
                  Timestamps.get(rows, "finished_at"),
                  rows.getString("detail")));
        }
        return executions;
      }
    }
  }
}
