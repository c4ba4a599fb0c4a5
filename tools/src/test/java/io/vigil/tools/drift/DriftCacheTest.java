package io.vigil.tools.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service that remembers window scores and merged profiles answers as a new one that remembers
 * nothing, after a late record into an old window and after a new baseline.
 */
class DriftCacheTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant DAY_2 = START.plus(Duration.ofDays(1));
  private static final int DAY_OF_MINUTES = 1_440;

  /** Late records land in the hour 30 hours after the current traffic starts: window 30 of 48. */
  private static final int LATE_WINDOW = 30;

  private static final int LATE_RECORDS = 30;

  private static DriftService service(Database database, TrafficFixture fixture) {
    return new DriftService(database, fixture.registry(), fixture.clock(), fixture.settings());
  }

  private static BaselineService baselines(Database database, TrafficFixture fixture) {
    return new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings());
  }

  /**
   * Current traffic ends half an hour before a day boundary, so that its last 24 hours are not a
   * stored day but hourly and five-minute windows, as in production: the late window is then in the
   * middle of what the service folds into the current profiles.
   */
  private static final int CURRENT_RECORDS = 2 * DAY_OF_MINUTES - 30;

  /** A day of baseline traffic, then two days (less half an hour) with amount ~ N(mean, 20). */
  private static void twoDaysAfterBaseline(
      Database database, TrafficFixture fixture, double amountMean) {
    fixture.classifier("fraud", OptionalDouble.empty(), "v1");
    fixture.write(Traffic.of("fraud", "v1", START, DAY_OF_MINUTES));
    baselines(database, fixture).fromWindow("fraud", "v1", new TimeRange(START, DAY_2));
    fixture.write(
        Traffic.of("fraud", "v1", DAY_2, CURRENT_RECORDS)
            .withNumeric("amount", amountMean, 20)
            .withSeed(2));
  }

  private static List<Double> amountScores(DriftResponse response) {
    return response.feature("amount").orElseThrow().dynamics().orElseThrow().scores();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void lateRecordsIntoAnOldWindow_areInTheNextAnswer(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      twoDaysAfterBaseline(database, fixture, 100);
      DriftService service = service(database, fixture);
      DriftResponse before = service.drift(DriftRequest.of("fraud"));
      Instant late = DAY_2.plus(Duration.ofHours(LATE_WINDOW));
      fixture.write(
          Traffic.of("fraud", "v1", late, LATE_RECORDS).withNumeric("amount", 200, 20).withSeed(9));

      DriftResponse after = service.drift(DriftRequest.of("fraud"));
      DriftResponse fresh = service(database, fixture).drift(DriftRequest.of("fraud"));

      assertThat(after.currentRecords())
          .isEqualTo(before.currentRecords() + LATE_RECORDS)
          .isEqualTo(fresh.currentRecords());
      assertThat(amountScores(after)).isEqualTo(amountScores(fresh)).hasSize(48);
      assertThat(amountScores(after).get(LATE_WINDOW))
          .isGreaterThan(amountScores(before).get(LATE_WINDOW) + 0.2);
      IntStream.range(0, 48)
          .filter(window -> window != LATE_WINDOW)
          .forEach(
              window ->
                  assertThat(amountScores(after).get(window))
                      .isEqualTo(amountScores(before).get(window)));
      assertThat(after.feature("city").orElseThrow().dynamics().orElseThrow().scores())
          .isEqualTo(fresh.feature("city").orElseThrow().dynamics().orElseThrow().scores());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void newBaseline_isWhatTheNextAnswerComparesWith(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      twoDaysAfterBaseline(database, fixture, 140);
      DriftService service = service(database, fixture);
      DriftResponse before = service.drift(DriftRequest.of("fraud"));
      baselines(database, fixture)
          .fromWindow("fraud", "v1", new TimeRange(DAY_2, DAY_2.plus(Duration.ofDays(1))));

      DriftResponse after = service.drift(DriftRequest.of("fraud"));
      DriftResponse fresh = service(database, fixture).drift(DriftRequest.of("fraud"));

      assertThat(after.baseline().orElseThrow().baseline().id())
          .isNotEqualTo(before.baseline().orElseThrow().baseline().id())
          .isEqualTo(fresh.baseline().orElseThrow().baseline().id());
      assertThat(amountScores(after)).isEqualTo(amountScores(fresh)).hasSize(48);
      assertThat(amountScores(before)).allMatch(score -> score > 0.5);
      assertThat(amountScores(after)).allMatch(score -> score < 0.5);
      assertThat(after.feature("amount").orElseThrow().verdict()).isEqualTo(DriftVerdict.STABLE);
      assertThat(before.feature("amount").orElseThrow().verdict()).isEqualTo(DriftVerdict.DRIFTED);
    }
  }
}
