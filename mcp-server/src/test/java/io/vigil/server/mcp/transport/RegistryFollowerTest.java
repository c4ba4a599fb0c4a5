package io.vigil.server.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFollowerTest {

  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-11-02T00:00:00Z"));

  @TempDir Path dataDir;

  @Test
  void aModelRegisteredByAnotherRegistry_isSeenAfterAPeriod() throws InterruptedException {
    try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
      ModelRegistry reader = new ModelRegistry(database, CLOCK);
      ModelRegistry writer = new ModelRegistry(database, CLOCK);
      BlockingQueue<RegistrySnapshot> refreshed = new LinkedBlockingQueue<>();
      reader.addListener(refreshed::add);

      writer.createModel(
          "late", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty(), Map.of());
      RegistryFollower follower = new RegistryFollower(reader, Duration.ofMillis(10));
      RegistrySnapshot seen;
      try {
        seen = refreshed.poll(30, TimeUnit.SECONDS);
      } finally {
        follower.close();
      }

      assertThat(seen).isNotNull();
      assertThat(seen.find("late")).isPresent();
      assertThat(reader.snapshot().find("late")).isPresent();
    }
  }
}
