package io.vigil.tools.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VersionComparisonServiceTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final int RECORDS = 2_880;

  private static VersionComparisonService service(Database database, TrafficFixture fixture) {
    return new VersionComparisonService(
        database, fixture.registry(), fixture.clock(), fixture.settings());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void compare_accuracy80Against90_findsTheSecondSignificantlyBetter(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1", "v2");
      Traffic day = Traffic.of("fraud", "v1", START, RECORDS).withSpacing(Duration.ofSeconds(30));
      fixture.write(day.withAccuracy(0.8).withLatency(50).withFailureRate(0.01));
      fixture.write(
          Traffic.of("fraud", "v2", START.plusSeconds(15), RECORDS)
              .withSpacing(Duration.ofSeconds(30))
              .withAccuracy(0.9)
              .withLatency(100)
              .withFailureRate(0.05)
              .withYesShare(0.7)
              .withSeed(2));

      VersionComparisonResponse response =
          service(database, fixture).compare("fraud", "v1", "v2", Optional.empty());

      assertThat(response.verdict()).isEqualTo(ComparisonVerdict.B_BETTER);
      AccuracyDifference difference = response.accuracyDifference().orElseThrow();
      assertThat(difference.difference()).isBetween(-0.13, -0.07);
      assertThat(difference.upper()).isNegative();
      assertThat(difference.significant()).isTrue();
      assertThat(response.testNote()).contains("McNemar", "served by one version");
      assertThat(response.a().records()).isEqualTo(RECORDS);
      assertThat(response.a().labeled()).isEqualTo(RECORDS - response.a().failed());
      assertThat(response.b().errorRate()).isGreaterThan(response.a().errorRate());
      LatencyFigures a = response.a().latency().orElseThrow();
      LatencyFigures b = response.b().latency().orElseThrow();
      assertThat(b.p50Ms() / a.p50Ms()).isBetween(1.8, 2.2);
      assertThat(a.p50Ms()).isLessThan(a.p95Ms()).isLessThan(a.p99Ms());
      assertThat(response.a().meanConfidence().getAsDouble()).isBetween(0.7, 0.8);
      assertThat(response.predictionDrift().orElseThrow().verdict())
          .isEqualTo(DriftVerdict.DRIFTED);
      assertThat(response.summary()).contains("v2 is more accurate", "significant");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void compare_equalAccuracies_findsNoSignificantDifference(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1", "v2");
      fixture.write(Traffic.of("fraud", "v1", START, 1_000).withAccuracy(0.85));
      fixture.write(
          Traffic.of("fraud", "v2", START.plusSeconds(30), 1_000).withAccuracy(0.85).withSeed(9));

      VersionComparisonResponse response =
          service(database, fixture)
              .compare(
                  new VersionComparisonRequest(
                      "fraud", "v1", "v2", Optional.of(TimeWindow.parse("2d"))));

      assertThat(response.verdict()).isEqualTo(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE);
      assertThat(response.accuracyDifference().orElseThrow().lower()).isNegative();
      assertThat(response.accuracyDifference().orElseThrow().upper()).isPositive();
      assertThat(response.predictionDrift().orElseThrow().verdict()).isEqualTo(DriftVerdict.STABLE);
      assertThat(response.summary()).contains("no significant accuracy difference");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void compare_unlabelledVersionOrUnknownVersion_saysWhy(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1", "v2");
      fixture.write(Traffic.of("fraud", "v1", START, 500));
      fixture.write(
          Traffic.of("fraud", "v2", START, 500).withLabels(0, Optional.empty()).withSeed(4));
      VersionComparisonService service = service(database, fixture);

      VersionComparisonResponse response = service.compare("fraud", "v1", "v2", Optional.empty());

      assertThat(response.verdict()).isEqualTo(ComparisonVerdict.UNTESTED);
      assertThat(response.testNote()).contains("v2 has no labelled records");
      assertThatThrownBy(() -> service.compare("fraud", "v1", "v7", Optional.empty()))
          .isInstanceOf(UnknownModelException.class)
          .hasMessageContaining("known: v1, v2");
      assertThatThrownBy(() -> service.compare("fraud", "v1", "v1", Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("two different versions");
    }
  }
}
