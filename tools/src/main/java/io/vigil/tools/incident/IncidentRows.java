package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentColumns.getDouble;
import static io.vigil.tools.incident.IncidentColumns.setDouble;

import io.vigil.tools.query.TimeRange;
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

/** The {@code incident} table: rows, the compare-and-set move of the state, and the lookups. */
final class IncidentRows {

  static final String COLUMNS =
      "id, model, state, trigger_signal, trigger_from, trigger_to, trigger_observed,"
          + " trigger_threshold, trigger_detail, title, opened_at, updated_at";
  private static final String NOT_TERMINAL = "state NOT IN ('RESOLVED', 'ESCALATED')";

  private IncidentRows() {}

  static long insert(Connection connection, String model, Trigger trigger, String title, Instant at)
      throws SQLException {
    String sql =
        "INSERT INTO incident (model, state, trigger_signal, trigger_from, trigger_to,"
            + " trigger_observed, trigger_threshold, trigger_detail, title, opened_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert =
        connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, model);
      insert.setString(2, IncidentState.OPEN.name());
      insert.setString(3, trigger.signal().name());
      Timestamps.set(insert, 4, trigger.window().from());
      Timestamps.set(insert, 5, trigger.window().to());
      setDouble(insert, 6, trigger.observed());
      setDouble(insert, 7, trigger.threshold());
      insert.setString(8, trigger.detail());
      insert.setString(9, title);
      Timestamps.set(insert, 10, at);
      Timestamps.set(insert, 11, at);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static Optional<Incident> find(Connection connection, long key) throws SQLException {
    List<Incident> found = select(connection, "WHERE id = ?", List.of(key), 1);
    return found.stream().findFirst();
  }

  static Incident require(Connection connection, long key) throws SQLException {
    return find(connection, key)
        .orElseThrow(() -> UnknownIncidentException.incident(IncidentIds.INCIDENT.format(key)));
  }

  /** Locks the incident's row until the transaction ends and returns its state. */
  static IncidentState lock(Connection connection, long key) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT state FROM incident WHERE id = ? FOR UPDATE")) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw UnknownIncidentException.incident(IncidentIds.INCIDENT.format(key));
        }
        return IncidentState.valueOf(rows.getString("state"));
      }
    }
  }

  /** Locks the incident and checks its state without changing it. */
  static void requireState(Connection connection, long key, IncidentState expected)
      throws SQLException {
    IncidentState actual = lock(connection, key);
    if (actual != expected) {
      throw new StaleIncidentException(IncidentIds.INCIDENT.format(key), expected, actual);
    }
  }

  /**
   * Moves the incident from {@code expected} to {@code next} if it is in {@code expected}
   * (compare-and-set, the row stays locked until the transaction ends).
   *
   * @throws StaleIncidentException if it is in another state
   */
  static Incident move(
      Connection connection, long key, IncidentState expected, IncidentState next, Instant at)
      throws SQLException {
    String sql =
        "UPDATE incident SET state = ?, updated_at = ?, closed_at = ? WHERE id = ? AND state = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, next.name());
      Timestamps.set(update, 2, at);
      Timestamps.set(update, 3, next.isTerminal() ? at : null);
      update.setLong(4, key);
      update.setString(5, expected.name());
      if (update.executeUpdate() == 0) {
        IncidentState actual = lock(connection, key);
        throw new StaleIncidentException(IncidentIds.INCIDENT.format(key), expected, actual);
      }
    }
    return require(connection, key);
  }

  static void setInvestigatedWindow(Connection connection, long key, TimeRange window)
      throws SQLException {
    String sql = "UPDATE incident SET investigated_from = ?, investigated_to = ? WHERE id = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      Timestamps.set(update, 1, window.from());
      Timestamps.set(update, 2, window.to());
      update.setLong(3, key);
      update.executeUpdate();
    }
  }

  static Optional<TimeRange> investigatedWindow(Connection connection, long key)
      throws SQLException {
    String sql = "SELECT investigated_from, investigated_to FROM incident WHERE id = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw UnknownIncidentException.incident(IncidentIds.INCIDENT.format(key));
        }
        Instant from = Timestamps.get(rows, "investigated_from");
        Instant to = Timestamps.get(rows, "investigated_to");
        return from == null ? Optional.empty() : Optional.of(new TimeRange(from, to));
      }
    }
  }

  static List<Incident> list(
      Connection connection, Optional<String> model, Optional<IncidentState> state, int limit)
      throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    model.ifPresent(
        name -> {
          conditions.add("model = ?");
          parameters.add(name);
        });
    state.ifPresent(
        s -> {
          conditions.add("state = ?");
          parameters.add(s.name());
        });
    String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    return select(connection, where + " ORDER BY id DESC", parameters, limit);
  }

  static List<Incident> unfinished(Connection connection, int limit) throws SQLException {
    return select(connection, "WHERE " + NOT_TERMINAL + " ORDER BY id", List.of(), limit);
  }

  static Optional<Incident> openFor(Connection connection, String model) throws SQLException {
    String where = "WHERE model = ? AND " + NOT_TERMINAL + " ORDER BY id DESC";
    return select(connection, where, List.of(model), 1).stream().findFirst();
  }

  static Optional<Instant> lastClosedAt(Connection connection, String model) throws SQLException {
    String sql =
        "SELECT MAX(closed_at) AS closed_at FROM incident WHERE model = ? AND closed_at IS NOT NULL";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, model);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return Optional.ofNullable(Timestamps.get(rows, "closed_at"));
      }
    }
  }

  /** When the last incident of {@code model} opened on {@code signal} closed, if one has. */
  static Optional<Instant> lastClosedAt(Connection connection, String model, SignalKind signal)
      throws SQLException {
    String sql =
        "SELECT MAX(closed_at) AS closed_at FROM incident"
            + " WHERE model = ? AND trigger_signal = ? AND closed_at IS NOT NULL";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, model);
      select.setString(2, signal.name());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return Optional.ofNullable(Timestamps.get(rows, "closed_at"));
      }
    }
  }

  private static List<Incident> select(
      Connection connection, String where, List<?> parameters, int limit) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM incident " + where + " LIMIT ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object parameter : parameters) {
        select.setObject(index++, parameter);
      }
      select.setInt(index, limit);
      try (ResultSet rows = select.executeQuery()) {
        List<Incident> incidents = new ArrayList<>();
        while (rows.next()) {
          incidents.add(incident(rows));
        }
        return incidents;
      }
    }
  }

  private static Incident incident(ResultSet rows) throws SQLException {
    Trigger trigger =
        new Trigger(
            SignalKind.valueOf(rows.getString("trigger_signal")),
            new TimeRange(Timestamps.get(rows, "trigger_from"), Timestamps.get(rows, "trigger_to")),
            getDouble(rows, "trigger_observed"),
            getDouble(rows, "trigger_threshold"),
            rows.getString("trigger_detail"));
    return new Incident(
        IncidentIds.INCIDENT.format(rows.getLong("id")),
        rows.getString("model"),
        IncidentState.valueOf(rows.getString("state")),
        trigger,
        Timestamps.get(rows, "opened_at"),
        Timestamps.get(rows, "updated_at"),
        rows.getString("title"));
  }
}
