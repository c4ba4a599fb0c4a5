package io.vigil.tools.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open store: a connection pool whose schema Flyway has brought up to date. Opening migrates;
 * closing closes the pool.
 */
public final class Database implements AutoCloseable {

  /** Where the migrations live on the classpath. */
  static final String MIGRATIONS = "classpath:db/vigil";

  private final StoreSettings settings;
  private final HikariDataSource dataSource;

  private Database(StoreSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
  }

  /**
   * Opens the store and migrates its schema.
   *
   * @throws StoreUnavailableException if the database cannot be reached or migrated
   */
  public static Database open(StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maximumPoolSize());
    config.setPoolName("vigil-store");
    if (settings.dialect() == SqlDialect.POSTGRESQL) {
      // One multi-row INSERT per batch instead of one statement per row: several times faster.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    // Fail fast rather than hang a request when the database is gone; callers answer 503.
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("cannot connect to " + settings.describe(), e);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .table("vigil_schema_history")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreUnavailableException("cannot migrate the schema of " + settings.describe(), e);
    }
    return new Database(settings, dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public SqlDialect dialect() {
    return settings.dialect();
  }

  public StoreSettings settings() {
    return settings;
  }

  /**
   * A connection from the pool.
   *
   * @throws StoreUnavailableException if none can be had in time
   */
  public Connection connection() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "the store at " + settings.describe() + " is unavailable", e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
