package io.vigil.server.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private static Database database;
  private static TrafficFixture fixture;
  private static HealthService health;
  private static AccuracyService accuracy;

  @BeforeAll
  static void seed() {
    database = TestStores.h2();
    fixture = TrafficFixture.open(database);
    for (String model : new String[] {"fraud", "churn", "credit"}) {
      fixture.classifier(model, OptionalDouble.of(0.85), "v1");
      fixture.write(Traffic.of(model, "v1", START, 120));
    }
    DriftService drift =
        new DriftService(database, fixture.registry(), fixture.clock(), fixture.settings());
    health =
        new HealthService(database, fixture.registry(), fixture.clock(), fixture.settings(), drift);
    accuracy =
        new AccuracyService(database, fixture.registry(), fixture.clock(), fixture.settings());
  }

  @AfterAll
  static void close() {
    fixture.close();
    database.close();
  }

  @Test
  void warm_asksEveryModelsHealthWithinTheBudget() {
    WarmUp.Result result = new WarmUp(fixture.registry(), health, accuracy).warm();

    assertThat(result.warmed()).isEqualTo(3);
    assertThat(result.models()).isEqualTo(3);
  }

  @Test
  void warm_stopsAskingOnceTheBudgetIsSpent() {
    AtomicLong now = new AtomicLong();
    long step = WarmUp.BUDGET.dividedBy(2).plus(Duration.ofSeconds(1)).toNanos();

    WarmUp.Result result =
        new WarmUp(fixture.registry(), health, accuracy, () -> now.getAndAdd(step)).warm();

    assertThat(result.warmed()).isEqualTo(1);
    assertThat(result.models()).isEqualTo(3);
  }
}
