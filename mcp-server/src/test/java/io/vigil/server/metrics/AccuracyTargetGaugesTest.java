package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccuracyTargetGaugesTest {

  private final Database database = TestStores.h2();
  private final ModelRegistry registry =
      new ModelRegistry(database, InstantSource.fixed(Instant.parse("2026-11-02T10:00:00Z")));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void targets_ofModelsRegisteredBeforeAndAfter_arePublished() {
    registry.createModel("fraud", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.of(0.9));
    AccuracyTargetGauges gauges = new AccuracyTargetGauges(meters, registry);

    registry.createModel("churn", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.of(0.75));
    registry.createModel("price", ModelTask.REGRESSION, "", Map.of(), OptionalDouble.empty());

    assertThat(meters.get(AccuracyTargetGauges.NAME).tag("model", "fraud").gauge().value())
        .isEqualTo(0.9);
    assertThat(gauges.target("churn")).isEqualTo(0.75);
    assertThat(gauges.target("price")).isNaN();
    assertThat(meters.find(AccuracyTargetGauges.NAME).gauges()).hasSize(2);
  }
}
