package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentColumns.getDouble;
import static io.vigil.tools.incident.IncidentColumns.setDouble;

import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What followed an incident's action: the {@code verification}, {@code notification_delivery} and
 * {@code model_review} tables.
 */
final class OutcomeRows {

  private OutcomeRows() {}

  static void insertVerification(Connection connection, long key, Verification verification)
      throws SQLException {
    String sql =
        "INSERT INTO verification (incident_id, checked_at, outcome, observed, target,"
            + " sample_size, estimated, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, key);
      Timestamps.set(insert, 2, verification.checkedAt());
      insert.setString(3, verification.outcome().name());
      setDouble(insert, 4, verification.observed());
      setDouble(insert, 5, verification.target());
      insert.setLong(6, verification.sampleSize());
      insert.setBoolean(7, verification.estimated());
      insert.setString(8, verification.detail());
      insert.executeUpdate();
    }
  }

  static List<Verification> verifications(Connection connection, long key) throws SQLException {
    String sql =
        "SELECT checked_at, outcome, observed, target, sample_size, estimated, detail"
            + " FROM verification WHERE incident_id = ? ORDER BY id";
    List<Verification> verifications = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          verifications.add(
              new Verification(
                  IncidentIds.INCIDENT.format(key),
                  Timestamps.get(rows, "checked_at"),
                  VerificationOutcome.valueOf(rows.getString("outcome")),
                  getDouble(rows, "observed"),
                  getDouble(rows, "target"),
                  rows.getLong("sample_size"),
                  rows.getBoolean("estimated"),
                  rows.getString("detail")));
        }
      }
    }
    return verifications;
  }

  static void insertDelivery(Connection connection, long key, NotificationDelivery delivery)
      throws SQLException {
    String sql =
        "INSERT INTO notification_delivery (incident_id, channel, format, event, attempts, status,"
            + " http_status, at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, key);
      insert.setString(2, delivery.channel());
      insert.setString(3, delivery.format());
      insert.setString(4, delivery.event().name());
      insert.setInt(5, delivery.attempts());
      insert.setString(6, delivery.status().name());
      if (delivery.httpStatus().isPresent()) {
        insert.setInt(7, delivery.httpStatus().getAsInt());
      } else {
        insert.setNull(7, Types.INTEGER);
      }
      Timestamps.set(insert, 8, delivery.at());
      insert.setString(9, delivery.detail());
      insert.executeUpdate();
    }
  }

  static List<NotificationDelivery> deliveries(Connection connection, long key)
      throws SQLException {
    String sql =
        "SELECT channel, format, event, attempts, status, http_status, at, detail"
            + " FROM notification_delivery WHERE incident_id = ? ORDER BY id";
    List<NotificationDelivery> deliveries = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          int code = rows.getInt("http_status");
          OptionalInt httpStatus = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(code);
          deliveries.add(
              new NotificationDelivery(
                  IncidentIds.INCIDENT.format(key),
                  rows.getString("channel"),
                  rows.getString("format"),
                  NotificationEvent.valueOf(rows.getString("event")),
                  rows.getInt("attempts"),
                  DeliveryStatus.valueOf(rows.getString("status")),
                  httpStatus,
                  Timestamps.get(rows, "at"),
                  rows.getString("detail")));
        }
      }
    }
    return deliveries;
  }

  static void insertReview(Connection connection, String model, String reviewer, Instant at)
      throws SQLException {
    String sql = "INSERT INTO model_review (model, reviewer, reviewed_at) VALUES (?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, model);
      insert.setString(2, reviewer);
      Timestamps.set(insert, 3, at);
      insert.executeUpdate();
    }
  }

  static Optional<Instant> lastReview(Connection connection, String model) throws SQLException {
    String sql = "SELECT MAX(reviewed_at) AS reviewed_at FROM model_review WHERE model = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, model);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return Optional.ofNullable(Timestamps.get(rows, "reviewed_at"));
      }
    }
  }

  static List<TimelineEvent> timeline(Connection connection, long key) throws SQLException {
    String sql =
        "SELECT seq, at, type, actor, detail FROM incident_event WHERE incident_id = ?"
            + " ORDER BY seq";
    List<TimelineEvent> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, key);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(
              new TimelineEvent(
                  rows.getLong("seq"),
                  IncidentIds.INCIDENT.format(key),
                  Timestamps.get(rows, "at"),
                  TimelineEventType.valueOf(rows.getString("type")),
                  rows.getString("actor"),
                  rows.getString("detail")));
        }
      }
    }
    return events;
  }
}
