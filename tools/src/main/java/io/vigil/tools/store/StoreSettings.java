package io.vigil.tools.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives and how many connections it may hold.
 *
 * @param url a JDBC URL: {@code jdbc:postgresql://...} for PostgreSQL, {@code jdbc:h2:...} for the
 *     embedded store
 * @param username the database user; empty for the embedded store
 * @param password the user's password; empty when the server trusts the connection
 * @param maximumPoolSize the most connections open at once, {@code >= 2} (one is the writer's)
 */
public record StoreSettings(String url, String username, String password, int maximumPoolSize) {

  /** Ten connections: the writer's, and nine for queries. */
  public static final int DEFAULT_POOL_SIZE = 10;

  /**
   * @throws IllegalArgumentException if the URL is neither PostgreSQL nor H2, or the pool is too
   *     small
   */
  public StoreSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    SqlDialect.of(url);
    if (maximumPoolSize < 2) {
      throw new IllegalArgumentException(
          "the store needs at least 2 connections (the writer's and one for queries), was "
              + maximumPoolSize);
    }
  }

  /**
   * The embedded store: an H2 file database {@code vigil.mv.db} in {@code dataDirectory}, in
   * PostgreSQL mode so that one schema serves both stores. Other processes on the machine (the CLI
   * beside a running server) may open it too.
   *
   * <p>{@code WRITE_DELAY=0}: each commit reaches the file before it returns. H2's default writes
   * commits from a background thread up to 500 ms later, so a killed server (SIGKILL, OOM killer, a
   * container stopped hard) lost records it had already acknowledged: hundreds of records in five
   * kills of {@code ServerCrashTest}. The writer commits batches in groups, so the cost is one file
   * write per group.
   */
  public static StoreSettings embedded(Path dataDirectory) {
    Path file = dataDirectory.toAbsolutePath().resolve("vigil");
    return new StoreSettings(
        "jdbc:h2:file:"
            + file
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
            + ";AUTO_SERVER=TRUE",
        "",
        "",
        DEFAULT_POOL_SIZE);
  }

  /** A PostgreSQL (or H2) store at {@code url}. */
  public static StoreSettings at(String url, String username, String password) {
    return new StoreSettings(url, username, password, DEFAULT_POOL_SIZE);
  }

  public StoreSettings withMaximumPoolSize(int size) {
    return new StoreSettings(url, username, password, size);
  }

  public SqlDialect dialect() {
    return SqlDialect.of(url);
  }

  /** The URL without credentials or options, for logs and health reports. */
  public String describe() {
    int options = url.indexOf(';');
    int query = url.indexOf('?');
    int end = options >= 0 ? options : query >= 0 ? query : url.length();
    return url.substring(0, end);
  }
}
