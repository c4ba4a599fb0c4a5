package io.vigil.server.hostile;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hostile corpus on the embedded store, the default. */
class HostileRequestsTest extends HostileRequests {

  private static final HostileStore STORE = HostileStore.embedded();

  @DynamicPropertySource
  static void embeddedStore(DynamicPropertyRegistry registry) {
    register(registry, STORE);
  }

  @Override
  HostileStore store() {
    return STORE;
  }
}
