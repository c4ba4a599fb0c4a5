package io.vigil.server.serve;

import io.vigil.tools.ingest.CommitListener;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store and the services over it, as beans. Spring destroys beans in reverse dependency order,
 * and only after the web server has stopped taking requests (and finished the ones in flight, with
 * {@code server.shutdown=graceful}): the writer drains and closes first, the pool last.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  /** The clock every service reads; tests replace it with a fixed one. */
  @Bean
  @ConditionalOnMissingBean
  InstantSource instantSource() {
    return InstantSource.system();
  }

  @Bean(destroyMethod = "close")
  Database database(VigilProperties properties) {
    if (properties.store().embedded()) {
      try {
        Files.createDirectories(properties.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create vigil.data-dir " + properties.dataDir().toAbsolutePath(), e);
      }
    }
    return Database.open(properties.storeSettings());
  }

  @Bean
  ModelRegistry modelRegistry(Database database, InstantSource clock) {
    return new ModelRegistry(database, clock);
  }

  /**
   * The writer's settings, read once: the profile window and roll-up spans the writer stores and
   * every service aligns its answers to.
   */
  @Bean
  IngestSettings ingestSettings(VigilProperties properties) {
    return properties.ingest().settings();
  }

  /**
   * The one writer of the store; every {@link CommitListener} bean (model metrics, later the
   * monitor) is told about each commit. Closing it commits what is queued and flushes profiles.
   */
  @Bean(destroyMethod = "close")
  InferenceWriter inferenceWriter(
      Database database,
      ModelRegistry registry,
      IngestSettings settings,
      InstantSource clock,
      ObjectProvider<CommitListener> listeners) {
    InferenceWriter writer = InferenceWriter.start(database, registry, settings, clock);
    listeners.orderedStream().forEach(writer::addListener);
    return writer;
  }
}
