package io.vigil.tools.store;

/**
 * The two stores Vigil runs on. The schema and almost every statement are shared (H2 runs in
 * PostgreSQL mode); the dialect covers the rest.
 */
public enum SqlDialect {
  POSTGRESQL,
  H2;

  /**
   * @throws IllegalArgumentException if {@code url} is neither {@code jdbc:postgresql:} nor {@code
   *     jdbc:h2:}
   */
  public static SqlDialect of(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "vigil.store.url must be a PostgreSQL (jdbc:postgresql://host:port/database) or H2"
            + " (jdbc:h2:...) URL, was "
            + (url.length() > 40 ? url.substring(0, 40) + "..." : url));
  }
}
