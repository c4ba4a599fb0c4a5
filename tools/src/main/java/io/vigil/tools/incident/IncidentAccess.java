package io.vigil.tools.incident;

import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * How the incident store reaches the database: writes in one transaction that ends with the audit
 * entries it owes, reads on a pooled connection, and the checks of arguments every method shares.
 */
final class IncidentAccess {

  static final int MAX_LIST = 1_000;
  private static final int MAX_NAME = 200;

  @FunctionalInterface
  interface Work<T> {
    T run(IncidentTransaction tx) throws SQLException;
  }

  @FunctionalInterface
  interface Read<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Database database;
  private final InstantSource clock;
  private final AuditLog audit;

  IncidentAccess(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
    this.audit = new AuditLog(database, clock);
  }

  <T> T write(String what, Work<T> work) {
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      try {
        IncidentTransaction tx =
            new IncidentTransaction(connection, clock.instant().truncatedTo(ChronoUnit.MICROS));
        T result = work.run(tx);
        tx.appendAudits(audit);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot " + what, e);
    }
  }

  <T> T read(String what, Read<T> work) {
    try (Connection connection = database.connection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot " + what, e);
    }
  }

  static Connection requireKey(Connection connection, long key) throws SQLException {
    IncidentRows.require(connection, key);
    return connection;
  }

  static long incidentKey(String id) {
    return IncidentIds.INCIDENT.parse(id).orElseThrow(() -> UnknownIncidentException.incident(id));
  }

  static void requireLimit(int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIST + ", was " + limit);
    }
  }

  static void requireActor(String actor) {
    requireText("actor", actor, MAX_NAME);
  }

  static void requireText(String what, String value, int maxLength) {
    if (value == null || value.isBlank() || value.length() > maxLength) {
      throw new IllegalArgumentException(
          "the " + what + " is a text of 1 to " + maxLength + " characters: " + value);
    }
  }
}
