package io.vigil.benchmarks.load;

import java.util.Locale;

/** The store a load run's server writes to. */
enum StoreKind {
  /** A throwaway PostgreSQL server started for the run: the production store. */
  POSTGRESQL,
  /** The embedded H2 file store in a temporary data directory: the default store. */
  EMBEDDED;

  static StoreKind named(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "postgresql", "postgres" -> POSTGRESQL;
      case "embedded", "h2" -> EMBEDDED;
      default -> throw new IllegalArgumentException("expected postgresql or embedded");
    };
  }
}
