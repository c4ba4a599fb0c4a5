package io.vigil.simulation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same run: two fresh stores fed by two runs hold the same records, column by column.
 */
class ServingDeterminismTest {

  private static final ServingSettings SETTINGS =
      ServingSettings.defaults("fraud", 42)
          .withRequestsPerMinute(30)
          .withLabelDelay(Duration.ofMinutes(20))
          .withLabelShare(0.7);

  @Test
  void sameSeed_twoFreshStores_holdIdenticalRecords() throws SQLException {
    List<StoredInference> first = runInFreshStore(SETTINGS);

    List<StoredInference> second = runInFreshStore(SETTINGS);

    assertThat(first).hasSize(3_600);
    assertThat(second).containsExactlyElementsOf(first);
    assertThat(first).extracting(StoredInference::version).contains("v1", "v2");
    assertThat(first).filteredOn(r -> r.labelClass() != null).hasSizeBetween(2_000, 2_200);
  }

  @Test
  void sameSeed_h2AndPostgresql_holdIdenticalRecords() throws SQLException {
    List<StoredInference> h2 = runInFreshStore(SETTINGS, TestStores.h2());

    List<StoredInference> postgresql = runInFreshStore(SETTINGS, TestStores.postgres());

    assertThat(postgresql).containsExactlyElementsOf(h2);
  }

  @Test
  void otherSeed_writesOtherRecords() throws SQLException {
    List<StoredInference> first = runInFreshStore(SETTINGS);

    List<StoredInference> other =
        runInFreshStore(
            new ServingSettings(
                "fraud",
                SETTINGS.accuracyTarget(),
                SETTINGS.requestsPerMinute(),
                SETTINGS.labelDelay(),
                SETTINGS.labelShare(),
                SETTINGS.latency(),
                43));

    assertThat(other).hasSameSizeAs(first);
    assertThat(other.get(0).requestId()).isEqualTo(first.get(0).requestId());
    assertThat(other.get(0).features()).isNotEqualTo(first.get(0).features());
    assertThat(other.get(0).latencyMs()).isNotEqualTo(first.get(0).latencyMs());
  }

  /** Two hours of traffic, a 50/50 canary of the broken v2 from minute 30 to minute 90. */
  private static List<StoredInference> runInFreshStore(ServingSettings settings)
      throws SQLException {
    return runInFreshStore(settings, TestStores.h2());
  }

  private static List<StoredInference> runInFreshStore(ServingSettings settings, Database store)
      throws SQLException {
    try (SimulatedRun run = new SimulatedRun(store, settings)) {
      run.loop.run(Duration.ofMinutes(30), ProgressListener.NONE);
      run.registry.deploy(
          "fraud", Map.of("v1", 0.5, "v2", 0.5), run.clock.instant(), "test", "canary");
      run.loop.run(Duration.ofMinutes(60), ProgressListener.NONE);
      run.registry.deploy("fraud", Map.of("v1", 1.0), run.clock.instant(), "test", "rollback");
      run.loop.run(Duration.ofMinutes(30), ProgressListener.NONE);
      return StoredInference.readAll(run.database);
    }
  }
}
