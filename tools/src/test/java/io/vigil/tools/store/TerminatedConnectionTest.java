package io.vigil.tools.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vigil.tools.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What the writer relies on when PostgreSQL ends a connection under it (a restart, a failover): the
 * next batch on that connection fails with an {@link SQLException}, which the writer answers with
 * 503 and survives. PostgreSQL's driver 42.7.8 threw an {@link AssertionError} there instead (with
 * assertions on, as in every test run), which no handler for store failures catches, and which
 * stopped the writer thread until Vigil was restarted.
 */
class TerminatedConnectionTest {

  @Test
  void batchOnAConnectionPostgresEnded_failsWithAnSqlException() throws SQLException {
    try (Database database = TestStores.postgres();
        Connection victim = database.connection();
        Connection killer = database.connection()) {
      victim.setAutoCommit(false);
      try (Statement statement = victim.createStatement()) {
        statement.execute("CREATE TEMPORARY TABLE scratch (id INTEGER)");
      }
      terminate(victim, killer);

      Throwable failure;
      try (PreparedStatement insert = victim.prepareStatement("INSERT INTO scratch VALUES (?)")) {
        for (int i = 0; i < 3; i++) {
          insert.setInt(1, i);
          insert.addBatch();
        }
        failure = catchThrowable(insert::executeBatch);
      }

      assertThat(failure).isInstanceOf(SQLException.class);
    }
  }

  private static void terminate(Connection victim, Connection killer) throws SQLException {
    int pid;
    try (Statement statement = victim.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
      rows.next();
      pid = rows.getInt(1);
    }
    try (PreparedStatement statement = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
      statement.setInt(1, pid);
      statement.execute();
    }
  }
}
