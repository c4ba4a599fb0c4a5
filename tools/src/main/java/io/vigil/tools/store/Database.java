package io.vigil.tools.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open store: a connection pool whose schema Flyway has brought up to date, and a small pool of
 * its own for the single writer and its profile stage (opened when they first ask). Opening
 * migrates; closing closes both pools.
 */
public final class Database implements AutoCloseable {

  /** Where the migrations live on the classpath. */
  static final String MIGRATIONS = "classpath:db/vigil";

  /** The writer thread's connection and its profile thread's. */
  private static final int WRITER_CONNECTIONS = 2;

  /** Fail fast rather than hang a request when the database is gone; callers answer 503. */
  private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  private final StoreSettings settings;
  private final HikariDataSource dataSource;
  private final Object writerPoolLock = new Object();
  private HikariDataSource writerPool;

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
    HikariDataSource dataSource = pool(settings, "vigil-store", settings.maximumPoolSize());
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

  /**
   * A connection for the single writer and its profile stage, from their own pool: under load,
   * queries (and every request's token check) can hold all of the shared pool's connections for
   * seconds, and a writer queued behind them would fail batches it had accepted, and its profile
   * stage fall back to rebuilding profiles, though the store is fine.
   *
   * @throws StoreUnavailableException if none can be had in time
   */
  public Connection writerConnection() {
    try {
      return writerPool().getConnection();
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "the store at " + settings.describe() + " is unavailable", e);
    }
  }

  /**
   * Discards the pools' connections (idle ones now, busy ones when they come back), after one of
   * them found the server gone: the others were opened to the same server and are most likely dead
   * too, and the pool checks a connection only when it has been idle for half a second, so the
   * first batch or query after the server is back would otherwise fail on one of them.
   */
  public void discardConnections() {
    synchronized (writerPoolLock) {
      if (writerPool != null && !writerPool.isClosed()) {
        writerPool.getHikariPoolMXBean().softEvictConnections();
      }
    }
    if (!dataSource.isClosed()) {
      dataSource.getHikariPoolMXBean().softEvictConnections();
    }
  }

  @Override
  public void close() {
    synchronized (writerPoolLock) {
      if (writerPool != null) {
        writerPool.close();
      }
    }
    dataSource.close();
  }

  private HikariDataSource writerPool() {
    synchronized (writerPoolLock) {
      if (writerPool == null) {
        writerPool = pool(settings, "vigil-writer", WRITER_CONNECTIONS);
      }
      return writerPool;
    }
  }

  /**
   * @throws StoreUnavailableException if the database cannot be reached
   */
  private static HikariDataSource pool(StoreSettings settings, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(size);
    config.setPoolName(name);
    if (settings.dialect() == SqlDialect.POSTGRESQL) {
      // One multi-row INSERT per batch instead of one statement per row: several times faster.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setInitializationFailTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("cannot connect to " + settings.describe(), e);
    }
  }
}
