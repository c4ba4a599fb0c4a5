package io.vigil.tools.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.accuracy.SloStatus;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HealthServiceTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant DAY_2 = START.plus(Duration.ofDays(1));
  private static final int DAY_OF_MINUTES = 1_440;

  private static HealthService service(Database database, TrafficFixture fixture) {
    DriftService drift =
        new DriftService(database, fixture.registry(), fixture.clock(), fixture.settings());
    return new HealthService(
        database, fixture.registry(), fixture.clock(), fixture.settings(), drift);
  }

  private static void twoDays(
      Database database, TrafficFixture fixture, String model, Traffic first, Traffic second) {
    fixture.write(first);
    new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings())
        .fromWindow(model, first.version(), new TimeRange(first.start(), first.end()));
    fixture.write(second);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void health_everyModel_isJudgedWorstFirstWithReasons(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("churn", OptionalDouble.of(0.85), "c1");
      fixture.classifier("fraud", OptionalDouble.of(0.9), "f1");
      fixture.classifier("flaky", OptionalDouble.empty(), "k1");
      fixture.classifier("idle", OptionalDouble.of(0.9), "i1");
      Traffic churn = Traffic.of("churn", "c1", START, DAY_OF_MINUTES).withAccuracy(0.95);
      twoDays(database, fixture, "churn", churn, churn.withSeed(2).withStart(DAY_2));
      Traffic fraud = Traffic.of("fraud", "f1", START, DAY_OF_MINUTES).withAccuracy(0.8);
      twoDays(database, fixture, "fraud", fraud, fraud.withSeed(3).withStart(DAY_2));
      Traffic flaky = Traffic.of("flaky", "k1", START, DAY_OF_MINUTES).withFailureRate(0.01);
      twoDays(
          database,
          fixture,
          "flaky",
          flaky,
          flaky.withFailureRate(0.08).withSeed(4).withStart(DAY_2));

      HealthResponse response = service(database, fixture).health(Optional.empty());

      assertThat(response.models())
          .extracting(ModelHealth::model)
          .containsExactly("fraud", "flaky", "idle", "churn");
      ModelHealth fraudHealth = response.model("fraud").orElseThrow();
      assertThat(fraudHealth.status()).isEqualTo(HealthStatus.CRITICAL);
      assertThat(fraudHealth.slo().status()).isEqualTo(SloStatus.BREACHED);
      assertThat(fraudHealth.reasons()).anyMatch(reason -> reason.contains("accuracy SLO"));
      ModelHealth flakyHealth = response.model("flaky").orElseThrow();
      assertThat(flakyHealth.status()).isEqualTo(HealthStatus.WARNING);
      assertThat(flakyHealth.errorRate().state()).isEqualTo(SignalState.RAISED);
      assertThat(response.model("idle").orElseThrow().status()).isEqualTo(HealthStatus.NO_DATA);
      ModelHealth churnHealth = response.model("churn").orElseThrow();
      assertThat(churnHealth.status()).isEqualTo(HealthStatus.HEALTHY);
      assertThat(churnHealth.activeVersion()).hasValue("c1");
      assertThat(churnHealth.recordsLast24h()).isBetween(1_440L, 1_445L);
      assertThat(churnHealth.recordsLastHour()).isBetween(60L, 65L);
      assertThat(churnHealth.drift().state()).isEqualTo(SignalState.CLEAR);
      assertThat(churnHealth.latency().state()).isEqualTo(SignalState.CLEAR);
      assertThat(churnHealth.slo().status()).isEqualTo(SloStatus.MET);
      assertThat(response.summary()).contains("4 models", "CRITICAL (fraud)", "WARNING (flaky)");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void health_oneModel_withoutBaseline_leavesDriftUnknown(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      fixture.write(Traffic.of("fraud", "v1", START, DAY_OF_MINUTES));
      HealthService service = service(database, fixture);

      ModelHealth health = service.health(Optional.of("fraud")).models().get(0);

      assertThat(health.drift().state()).isEqualTo(SignalState.UNKNOWN);
      assertThat(health.errorRate().state()).isEqualTo(SignalState.UNKNOWN);
      assertThat(health.slo().status()).isEqualTo(SloStatus.NO_TARGET);
      assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
      Assertions.assertThatThrownBy(() -> service.health(Optional.of("nope")))
          .isInstanceOf(UnknownModelException.class);
    }
  }
}
