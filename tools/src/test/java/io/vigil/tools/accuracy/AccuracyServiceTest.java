package io.vigil.tools.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.tools.baseline.Baseline;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import io.vigil.tools.testing.TrafficFixture.Truth;
import io.vigil.tools.testing.TrafficFixture.Written;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccuracyServiceTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final int DAY_OF_MINUTES = 1_440;

  private static AccuracyService service(Database database, TrafficFixture fixture) {
    return new AccuracyService(database, fixture.registry(), fixture.clock(), fixture.settings());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void accuracy_twoVersionsOfDifferentAccuracy_reportEachExactlyWithItsInterval(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.of(0.95), "v1", "v2");
      Written v1 =
          fixture.write(Traffic.of("fraud", "v1", START, DAY_OF_MINUTES).withAccuracy(0.8));
      Written v2 =
          fixture.write(
              Traffic.of("fraud", "v2", START.plusSeconds(30), DAY_OF_MINUTES)
                  .withAccuracy(0.9)
                  .withSeed(2));

      AccuracyResponse response =
          service(database, fixture).accuracy(AccuracyRequest.of("fraud", TimeWindow.parse("24h")));

      assertThat(response.granularity()).isEqualTo(Duration.ofHours(1));
      assertThat(response.range().from()).isEqualTo(START.minus(Duration.ofHours(1)));
      assertThat(response.versions())
          .extracting(VersionAccuracy::version)
          .containsExactly("v1", "v2");
      assertMatchesTruth(response, "v1", v1);
      assertMatchesTruth(response, "v2", v2);
      assertThat(response.version("v1").orElseThrow().total().accuracy().orElseThrow().upper())
          .isLessThan(
              response.version("v2").orElseThrow().total().accuracy().orElseThrow().lower());
      assertThat(response.slo().status()).isEqualTo(SloStatus.BREACHED);
      assertThat(response.slo().breachSignificant()).isTrue();
      assertThat(response.summary()).contains("fraud", "v1", "v2", "SLO BREACHED");
    }
  }

  private static void assertMatchesTruth(AccuracyResponse response, String version, Written truth) {
    VersionAccuracy figures = response.version(version).orElseThrow();
    RealizedAccuracy total = figures.total().accuracy().orElseThrow();
    assertThat(figures.total().records()).isEqualTo(DAY_OF_MINUTES);
    assertThat(figures.total().labelCoverage()).isEqualTo(1.0);
    assertThat(total.accuracy()).isCloseTo(truth.accuracy(response.range()), within(1e-12));
    assertThat(total.lower()).isLessThan(total.accuracy());
    assertThat(total.upper()).isGreaterThan(total.accuracy());
    assertThat(figures.buckets()).hasSize(25);
    assertThat(figures.estimateSource()).isEqualTo(EstimateSource.NOT_NEEDED);
  }

  /**
   * Four 95% intervals all cover their truth with probability 0.81 only, and the interval leaves
   * out the calibration's own error; each bucket is therefore held to 1.5 half-widths (about three
   * standard deviations), the whole unlabelled day to its interval.
   */
  private static final double BUCKET_TOLERANCE_HALF_WIDTHS = 1.5;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void accuracy_labelsMissingForADay_estimatesItFromCalibratedConfidence(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      Instant secondDay = START.plus(Duration.ofDays(1));
      Written written =
          fixture.write(
              Traffic.of("fraud", "v1", START, 4 * DAY_OF_MINUTES)
                  .withSpacing(Duration.ofSeconds(30))
                  .withCalibratedConfidence(0.5)
                  .withLabels(1.0, Optional.of(secondDay)));

      AccuracyResponse response =
          service(database, fixture)
              .accuracy(
                  new AccuracyRequest(
                      "fraud",
                      Optional.of("v1"),
                      TimeWindow.parse("2026-11-02T00:00Z/2026-11-03T00:00Z"),
                      Optional.of(Duration.ofHours(6))));

      VersionAccuracy v1 = response.version("v1").orElseThrow();
      assertThat(v1.estimateSource()).isEqualTo(EstimateSource.LABELLED_TRAFFIC);
      assertThat(v1.estimateNote()).contains("2880 labelled records");
      assertThat(v1.buckets()).hasSize(4);
      for (AccuracyBucket bucket : v1.buckets()) {
        EstimatedAccuracy estimate = bucket.estimated().orElseThrow();
        double halfWidth = (estimate.upper() - estimate.lower()) / 2;
        assertThat(bucket.labeled()).isZero();
        assertThat(estimate.unlabeledRecords()).isEqualTo(720);
        assertThat(written.accuracy(bucket.range()))
            .isCloseTo(estimate.accuracy(), within(BUCKET_TOLERANCE_HALF_WIDTHS * halfWidth));
      }
      EstimatedAccuracy day = v1.total().estimated().orElseThrow();
      assertThat(written.accuracy(response.range())).isBetween(day.lower(), day.upper());
      assertThat(v1.total().labelCoverage()).isZero();
      assertThat(response.summary()).contains("estimated accuracy without labels");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void accuracy_versionWithACalibratedBaseline_estimatesFromTheBaselineRows(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      Instant secondDay = START.plus(Duration.ofDays(1));
      Written written =
          fixture.write(
              Traffic.of("fraud", "v1", START, 2 * DAY_OF_MINUTES)
                  .withCalibratedConfidence(0.6)
                  .withLabels(1.0, Optional.of(secondDay)));
      Baseline baseline =
          new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings())
              .fromWindow("fraud", "v1", new TimeRange(START, secondDay));

      AccuracyResponse response =
          service(database, fixture)
              .accuracy(
                  new AccuracyRequest(
                      "fraud",
                      Optional.empty(),
                      TimeWindow.parse("2026-11-02T00:00Z/2026-11-03T00:00Z"),
                      Optional.empty()));

      VersionAccuracy v1 = response.version("v1").orElseThrow();
      assertThat(v1.estimateSource()).isEqualTo(EstimateSource.BASELINE_CALIBRATION);
      assertThat(v1.estimateNote()).contains("1440 labelled rows of baseline #" + baseline.id());
      EstimatedAccuracy day = v1.total().estimated().orElseThrow();
      assertThat(written.accuracy(response.range())).isBetween(day.lower(), day.upper());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void accuracy_regressionModel_reportsExactMaeAndRmseAndNoEstimate(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.regressor("price", "r1");
      Written written =
          fixture.write(
              Traffic.of("price", "r1", START, 600)
                  .withRegressionErrorSd(5)
                  .withLabels(0.5, Optional.empty()));

      AccuracyResponse response =
          service(database, fixture).accuracy(AccuracyRequest.of("price", TimeWindow.parse("1d")));

      AccuracyBucket total = response.version("r1").orElseThrow().total();
      List<Truth> labelled = written.truths().stream().filter(Truth::labelled).toList();
      double mae = labelled.stream().mapToDouble(Truth::absoluteError).average().orElseThrow();
      double rmse =
          Math.sqrt(
              labelled.stream()
                  .mapToDouble(t -> t.absoluteError() * t.absoluteError())
                  .average()
                  .orElseThrow());
      RegressionError error = total.regressionError().orElseThrow();
      assertThat(error.labeled()).isEqualTo(labelled.size());
      assertThat(error.meanAbsoluteError()).isCloseTo(mae, within(1e-9));
      assertThat(error.rootMeanSquaredError()).isCloseTo(rmse, within(1e-9));
      assertThat(total.accuracy()).isEmpty();
      assertThat(total.estimated()).isEmpty();
      assertThat(response.slo().status()).isEqualTo(SloStatus.NO_TARGET);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void accuracy_badRequests_areRefusedWithWhatToFix(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      AccuracyService service = service(database, fixture);

      assertThatThrownBy(() -> service.accuracy(AccuracyRequest.of("frud", TimeWindow.parse("1d"))))
          .isInstanceOf(UnknownModelException.class)
          .hasMessageContaining("known: fraud");
      assertThatThrownBy(
              () ->
                  service.accuracy(
                      new AccuracyRequest(
                          "fraud",
                          Optional.empty(),
                          TimeWindow.parse("1d"),
                          Optional.of(Duration.ofMinutes(7)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("profile windows");
      assertThatThrownBy(
              () ->
                  service.accuracy(
                      new AccuracyRequest(
                          "fraud", Optional.of("v9"), TimeWindow.parse("1d"), Optional.empty())))
          .isInstanceOf(UnknownModelException.class)
          .hasMessageContaining("known: v1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void accuracy_noRecords_saysSo(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.of(0.9), "v1");

      AccuracyResponse response =
          service(database, fixture).accuracy(AccuracyRequest.of("fraud", TimeWindow.parse("1d")));

      assertThat(response.versions()).isEmpty();
      assertThat(response.slo().status()).isEqualTo(SloStatus.NO_LABELS);
      assertThat(response.summary()).contains("no records");
      assertThat(response.range().length()).isGreaterThanOrEqualTo(Duration.ofDays(1));
      assertThat(response.requested()).isInstanceOf(TimeRange.class);
    }
  }
}
