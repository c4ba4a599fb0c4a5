package io.vigil.tools.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.RegistrySnapshot;
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

class BaselineServiceWindowTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void fromWindow_aDayOfTraffic_mergesItsProfilesAndSamplesItsLabelledRecords(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      fixture.write(
          Traffic.of("fraud", "v1", START, 1_440)
              .withCalibratedConfidence(0.6)
              .withLabels(0.5, Optional.empty()));
      BaselineService baselines =
          new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings());

      Baseline stored =
          baselines.fromWindow(
              "fraud", "v1", new TimeRange(START.plusSeconds(90), START.plus(Duration.ofHours(6))));

      assertThat(stored.source()).isEqualTo(BaselineSource.TRAFFIC_WINDOW);
      assertThat(stored.window()).hasValue(new TimeRange(START, START.plus(Duration.ofHours(6))));
      assertThat(stored.records()).isEqualTo(360);
      assertThat(stored.features()).contains("amount", "city", "@prediction", "@confidence");
      assertThat(stored.description()).contains("widened to whole 5m windows", "360 records");
      RegistrySnapshot snapshot = fixture.registry().snapshot();
      StoredBaseline read =
          baselines
              .latest(snapshot.require("fraud").id(), snapshot.requireVersion("fraud", "v1").id())
              .orElseThrow();
      assertThat(((NumericProfile) read.profiles().get("amount")).count()).isEqualTo(360);
      CalibrationRows calibration = read.calibration().orElseThrow();
      assertThat(calibration.size()).isBetween(140, 220);
      assertThat(calibration.accuracy()).isBetween(0.7, 0.9);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void fromWindow_withoutTraffic_isRefusedAndStoresNothing(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1", "v2");
      fixture.write(Traffic.of("fraud", "v1", START, 100));
      BaselineService baselines =
          new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings());

      assertThatThrownBy(
              () ->
                  baselines.fromWindow(
                      "fraud", "v2", new TimeRange(START, START.plusSeconds(3600))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no records in");
      assertThat(baselines.list("fraud")).isEmpty();
    }
  }
}
