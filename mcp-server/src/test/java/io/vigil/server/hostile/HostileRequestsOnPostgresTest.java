package io.vigil.server.hostile;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile corpus on PostgreSQL (a throwaway server; fails, never skips, without one), where the
 * SQL dialect, the timestamp range and the text columns' limits differ from the embedded store's.
 */
class HostileRequestsOnPostgresTest extends HostileRequests {

  private static final HostileStore STORE = HostileStore.postgres();

  @DynamicPropertySource
  static void postgresStore(DynamicPropertyRegistry registry) {
    register(registry, STORE);
  }

  @Override
  HostileStore store() {
    return STORE;
  }
}
