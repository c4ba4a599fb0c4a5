package io.vigil.server.api;

import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.time.Instant;
import java.time.InstantSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For web slice tests: a real registry on a fresh embedded store in a temporary directory, and a
 * fixed clock at {@link #NOW}, so that controllers meet the registry's real answers and errors.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RegistryOnTemporaryStore {

  public static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  @Bean(destroyMethod = "close")
  Database database() {
    return TestStores.h2();
  }

  @Bean
  InstantSource instantSource() {
    return InstantSource.fixed(NOW);
  }

  @Bean
  ModelRegistry modelRegistry(Database database, InstantSource clock) {
    return new ModelRegistry(database, clock);
  }
}
