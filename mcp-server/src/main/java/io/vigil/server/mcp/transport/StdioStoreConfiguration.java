package io.vigil.server.mcp.transport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.server.metrics.FeatureDriftGauges;
import io.vigil.server.serve.VigilProperties;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;

/**
 * The store for {@code vigil mcp}, opened as the other CLI commands open it ({@link StoreSettings}
 * from the command's options, registered before the context starts), and what the query services
 * need beside it. Imported by {@link McpStdioApplication} only: not a {@code @Configuration}, so
 * the server's component scan never picks it up.
 */
class StdioStoreConfiguration {

  @Bean
  InstantSource instantSource() {
    return InstantSource.system();
  }

  @Bean(destroyMethod = "close")
  Database database(StoreSettings storeSettings) {
    return Database.open(storeSettings);
  }

  @Bean
  ModelRegistry modelRegistry(Database database, InstantSource clock) {
    return new ModelRegistry(database, clock);
  }

  /** Models registered by a {@code vigil serve} beside this process appear within a period. */
  @Bean(destroyMethod = "close")
  RegistryFollower registryFollower(ModelRegistry registry) {
    return new RegistryFollower(registry, RegistryFollower.PERIOD);
  }

  /** The profile window the store was written with ({@code --vigil.ingest.window}, as serve). */
  @Bean
  IngestSettings ingestSettings(VigilProperties properties) {
    return properties.ingest().settings();
  }

  /** Drift answers update gauges nobody scrapes here; the services are shared with serve. */
  @Bean
  FeatureDriftGauges featureDriftGauges() {
    return new FeatureDriftGauges(new SimpleMeterRegistry());
  }
}
