package io.vigil.tools.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.dynamics.Risk;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DriftServiceTest {

  @TempDir Path directory;

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant DAY_2 = START.plus(Duration.ofDays(1));
  private static final int DAY_OF_MINUTES = 1_440;

  private static DriftService service(Database database, TrafficFixture fixture) {
    return new DriftService(database, fixture.registry(), fixture.clock(), fixture.settings());
  }

  /** A day of v1 traffic stored as v1's baseline. */
  private static void baselineDay(Database database, TrafficFixture fixture, Traffic day) {
    fixture.write(day);
    new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings())
        .fromWindow("fraud", day.version(), new TimeRange(day.start(), day.end()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_oneFeatureShiftedByOneSd_isFlaggedAndRankedFirst(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      baselineDay(database, fixture, Traffic.of("fraud", "v1", START, DAY_OF_MINUTES));
      fixture.write(
          Traffic.of("fraud", "v1", DAY_2, DAY_OF_MINUTES)
              .withNumeric("amount", 120, 20)
              .withSeed(2));

      DriftResponse response = service(database, fixture).drift(DriftRequest.of("fraud"));

      assertThat(response.versionChoice()).isEqualTo(VersionChoice.ACTIVE);
      assertThat(response.baseline().orElseThrow().choice()).isEqualTo(BaselineChoice.SAME_VERSION);
      FeatureDriftResult first = response.features().get(0);
      assertThat(first.feature()).isEqualTo("amount");
      assertThat(first.rank()).isEqualTo(1);
      assertThat(first.verdict()).isEqualTo(DriftVerdict.DRIFTED);
      assertThat(first.effectSize().getAsDouble()).isGreaterThan(0.3);
      assertThat(response.feature("city").orElseThrow().verdict()).isEqualTo(DriftVerdict.STABLE);
      assertThat(response.prediction().orElseThrow().verdict()).isEqualTo(DriftVerdict.STABLE);
      // The last 24 hours, widened to whole 5-minute windows, take in 5 records of the day before.
      assertThat(response.currentRecords()).isEqualTo(DAY_OF_MINUTES + 5);
      assertThat(response.summary()).contains("amount", "1 of 2 tested features drifted");
      assertThat(response.embedding()).isEmpty();
      assertThat(response.embeddingNote()).contains("carries an embedding");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_identicalDistributions_isNoDriftAndTellsTheListener(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      baselineDay(database, fixture, Traffic.of("fraud", "v1", START, DAY_OF_MINUTES));
      fixture.write(Traffic.of("fraud", "v1", DAY_2, DAY_OF_MINUTES).withSeed(3));
      DriftService service = service(database, fixture);
      List<String> scored = new ArrayList<>();
      service.addScoreListener(
          (model, version, feature, score) -> scored.add(model + "/" + version + "/" + feature));

      DriftResponse response = service.drift(DriftRequest.of("fraud"));

      assertThat(response.status()).isEqualTo(DriftStatus.NO_DRIFT);
      assertThat(response.features())
          .extracting(FeatureDriftResult::verdict)
          .containsOnly(DriftVerdict.STABLE);
      assertThat(response.dataset().testedFeatures()).isEqualTo(2);
      assertThat(scored)
          .containsExactlyInAnyOrder(
              "fraud/v1/amount", "fraud/v1/city", "fraud/v1/@prediction", "fraud/v1/@confidence");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_featureRampingUp_hasRisingDynamicsWhileTheOthersStayCalm(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      baselineDay(database, fixture, Traffic.of("fraud", "v1", START, DAY_OF_MINUTES));
      Instant rampFrom = DAY_2.plus(Duration.ofHours(32));
      fixture.write(
          Traffic.of("fraud", "v1", DAY_2, 4 * DAY_OF_MINUTES)
              .withSpacing(Duration.ofSeconds(30))
              .withRamp("amount", 2.0, rampFrom)
              .withSeed(4));
      DriftService service = service(database, fixture);
      Map<String, Risk> risks = new HashMap<>();
      service.addScoreListener(
          new DriftScoreListener() {
            @Override
            public void driftScore(String model, String version, String feature, double score) {}

            @Override
            public void driftRisk(String model, String version, String feature, Risk risk) {
              risks.put(model + "/" + version + "/" + feature, risk);
            }
          });

      DriftResponse response = service.drift(DriftRequest.of("fraud"));

      FeatureDynamics amount = response.feature("amount").orElseThrow().dynamics().orElseThrow();
      assertThat(amount.windowLength()).isEqualTo(Duration.ofHours(1));
      assertThat(amount.scores()).hasSize(DriftDynamics.SERIES_WINDOWS);
      assertThat(amount.velocityPerWindow()).isPositive();
      assertThat(amount.risk()).isGreaterThanOrEqualTo(Risk.WARNING);
      FeatureDynamics city = response.feature("city").orElseThrow().dynamics().orElseThrow();
      assertThat(city.risk()).isLessThan(Risk.WARNING);
      assertThat(response.summary()).contains("Drift score dynamics: amount");
      assertThat(risks).containsEntry("fraud/v1/amount", amount.risk());
      assertThat(risks).containsEntry("fraud/v1/city", city.risk());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_againstTrainingCsv_comparesFeaturesAndPredictionButNotEmbeddings(
      String store, Supplier<Database> open) throws IOException {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      SplittableRandom random = new SplittableRandom(8L);
      StringBuilder csv = new StringBuilder("amount,city,predicted\n");
      for (int i = 0; i < 3_000; i++) {
        double u = random.nextDouble();
        csv.append(
                100
                    + 20
                        * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                        * Math.cos(2 * Math.PI * random.nextDouble()))
            .append(',')
            .append(u < 0.5 ? "paris" : u < 0.8 ? "rome" : "oslo")
            .append(',')
            .append(random.nextBoolean() ? "yes" : "no")
            .append('\n');
      }
      Path file = directory.resolve("train.csv");
      Files.writeString(file, csv);
      new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings())
          .fromCsv(
              "fraud", "v1", file, Optional.empty(), Optional.of("predicted"), Optional.empty());
      fixture.write(Traffic.of("fraud", "v1", START, DAY_OF_MINUTES).withEmbedding(4, 0));

      DriftResponse response = service(database, fixture).drift(DriftRequest.of("fraud"));

      assertThat(response.status()).isEqualTo(DriftStatus.NO_DRIFT);
      assertThat(response.features())
          .extracting(FeatureDriftResult::feature)
          .contains("amount", "city");
      assertThat(response.prediction().orElseThrow().verdict()).isEqualTo(DriftVerdict.STABLE);
      assertThat(response.embedding()).isEmpty();
      assertThat(response.embeddingNote()).contains("not a window of traffic");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_withoutOwnBaseline_usesAnotherVersionsOrSaysThereIsNone(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1", "v2");
      fixture.write(Traffic.of("fraud", "v1", START, DAY_OF_MINUTES));
      DriftService service = service(database, fixture);
      DriftResponse none = service.drift(DriftRequest.of("fraud"));
      new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings())
          .fromWindow("fraud", "v1", new TimeRange(START, DAY_2));
      fixture.write(Traffic.of("fraud", "v2", DAY_2, DAY_OF_MINUTES).withSeed(5));

      DriftResponse other =
          service.drift(
              new DriftRequest(
                  "fraud",
                  Optional.of("v2"),
                  Optional.empty(),
                  Optional.of(List.of("amount")),
                  OptionalDouble.of(0.01),
                  OptionalDouble.empty()));

      assertThat(none.status()).isEqualTo(DriftStatus.NO_BASELINE);
      assertThat(none.summary()).contains("no baseline");
      assertThat(other.baseline().orElseThrow().choice()).isEqualTo(BaselineChoice.OTHER_VERSION);
      assertThat(other.baseline().orElseThrow().baseline().version()).isEqualTo("v1");
      assertThat(other.features())
          .extracting(FeatureDriftResult::feature)
          .containsExactly("amount");
      assertThat(other.dataset().alpha()).isEqualTo(0.01);
      assertThat(other.summary()).contains("of version v1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_predictionAndEmbeddingsShifted_areBothDetected(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      baselineDay(
          database, fixture, Traffic.of("fraud", "v1", START, DAY_OF_MINUTES).withEmbedding(8, 0));
      fixture.write(
          Traffic.of("fraud", "v1", DAY_2, DAY_OF_MINUTES)
              .withYesShare(0.8)
              .withEmbedding(8, 0.5)
              .withSeed(6));

      DriftResponse response = service(database, fixture).drift(DriftRequest.of("fraud"));

      assertThat(response.prediction().orElseThrow().verdict()).isEqualTo(DriftVerdict.DRIFTED);
      EmbeddingDriftResult embedding = response.embedding().orElseThrow();
      assertThat(embedding.drifted()).isTrue();
      assertThat(embedding.referenceRows()).isEqualTo(EmbeddingComparison.SAMPLE_ROWS);
      assertThat(embedding.currentRows()).isEqualTo(EmbeddingComparison.SAMPLE_ROWS);
      assertThat(embedding.dimension()).isEqualTo(8);
      assertThat(response.summary())
          .contains("prediction's distribution drifted", "embeddings drifted");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_sameEmbeddings_areNotFlagged_andUnknownFeaturesAreRefused(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      baselineDay(
          database, fixture, Traffic.of("fraud", "v1", START, DAY_OF_MINUTES).withEmbedding(8, 0));
      fixture.write(
          Traffic.of("fraud", "v1", DAY_2, DAY_OF_MINUTES).withEmbedding(8, 0).withSeed(7));
      DriftService service = service(database, fixture);

      DriftResponse response = service.drift(DriftRequest.of("fraud"));

      assertThat(response.embedding().orElseThrow().drifted()).isFalse();
      assertThatThrownBy(
              () ->
                  service.drift(
                      new DriftRequest(
                          "fraud",
                          Optional.empty(),
                          Optional.of(TimeWindow.parse("6h")),
                          Optional.of(List.of("amout")),
                          OptionalDouble.empty(),
                          OptionalDouble.empty())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no feature 'amout'")
          .hasMessageContaining("amount");
    }
  }
}
