package io.vigil.server.serve;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code store} in {@code /actuator/health}: one trivial query on a pooled connection. */
@Component
class StoreHealthIndicator extends AbstractHealthIndicator {

  private static final int QUERY_TIMEOUT_SECONDS = 2;

  private final Database database;

  StoreHealthIndicator(Database database) {
    super("the store is unavailable");
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    health
        .withDetail("store", database.settings().describe())
        .withDetail("dialect", database.dialect().name());
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      statement.execute("SELECT 1");
      health.up();
    } catch (SQLException | StoreUnavailableException e) {
      health.down().withDetail("error", e.getMessage());
    }
  }
}
