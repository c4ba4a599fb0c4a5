package io.vigil.tools.incident;

import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One write of the incident store: a connection with auto-commit off, the instant it happens at,
 * and the audit entries it owes. Timeline events are inserted at once; audit entries are appended
 * last, just before the commit, because appending locks the audit chain's head until then.
 */
final class IncidentTransaction {

  private record PendingAudit(String actor, String action, String subject, String detail) {}

  private final Connection connection;
  private final Instant now;
  private final List<PendingAudit> audits = new ArrayList<>();

  IncidentTransaction(Connection connection, Instant now) {
    this.connection = connection;
    this.now = now;
  }

  Connection connection() {
    return connection;
  }

  Instant now() {
    return now;
  }

  /** Appends a timeline event to incident {@code key}. */
  void event(long key, TimelineEventType type, String actor, String detail) throws SQLException {
    String sql =
        "INSERT INTO incident_event (incident_id, at, type, actor, detail) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, key);
      Timestamps.set(insert, 2, now);
      insert.setString(3, type.name());
      insert.setString(4, actor);
      insert.setString(5, detail);
      insert.executeUpdate();
    }
  }

  /** Owes an audit entry whose detail is {@code fields} as a JSON object (null values left out). */
  void audit(String actor, String action, String subject, Map<String, ?> fields) {
    Map<String, Object> detail = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            detail.put(name, jsonValue(value));
          }
        });
    audits.add(new PendingAudit(actor, action, subject, JsonColumn.write(detail)));
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Map<?, ?> map) {
      return new TreeMap<>(map);
    }
    return value instanceof List<?> || value instanceof Number || value instanceof Boolean
        ? value
        : value.toString();
  }

  /** A detail map from alternating names and values, in that order; null values are left out. */
  static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return fields;
  }

  /** Appends the owed audit entries; the caller commits next. */
  void appendAudits(AuditLog log) throws SQLException {
    for (PendingAudit audit : audits) {
      log.append(connection, now, audit.actor(), audit.action(), audit.subject(), audit.detail());
    }
  }
}
