package io.vigil.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.logs.ErrorPattern.Source;
import io.vigil.tools.logs.ScanCounts.ScanEnd;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.LogFixture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InferenceLogServiceTest {

  private static final TimeWindow WHOLE =
      new TimeWindow.Absolute(
          new io.vigil.tools.query.TimeRange(LogFixture.START, LogFixture.WINDOW.to()));
  private static final TimeWindow WINDOW = new TimeWindow.Absolute(LogFixture.WINDOW);

  private static InferenceLogService service(LogFixture.Shared shared) {
    return new InferenceLogService(shared.database(), shared.registry(), LogFixture.CLOCK);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_amountAboveOneThousand_returnsExactlyThePlantedRows(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    LogQuery query =
        LogQuery.of(LogFixture.MODEL, WHOLE).withFeatures("amount > 1000").withLimit(1_000);

    LogSearchResult result = service(shared).search(query);

    assertThat(result.records())
        .extracting(LoggedInference::requestId)
        .containsExactlyInAnyOrderElementsOf(shared.traffic().largeAmountIds());
    assertThat(result.counts().end()).isEqualTo(ScanEnd.COMPLETE);
    assertThat(result.counts().matched()).isEqualTo(shared.traffic().largeAmountIds().size());
    assertThat(result.counts().examined()).isEqualTo(2L * LogFixture.PER_PERIOD);
    assertThat(result.records())
        .isSortedAccordingTo(Comparator.comparing(LoggedInference::timestamp).reversed());
    assertThat(result.range()).isEqualTo(((TimeWindow.Absolute) WHOLE).range());
    assertThat(result.summary()).contains(shared.traffic().largeAmountIds().size() + " records");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_storeFilters_keepOnlyTheVersionsFailuresOfThatType(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    LogQuery query =
        LogQuery.of(LogFixture.MODEL, WHOLE)
            .withVersion(LogFixture.V2)
            .withErrors(ErrorFilter.failedWith(LogFixture.OOM))
            .withLimit(1_000);

    LogSearchResult result = service(shared).search(query);

    long expected =
        shared.traffic().records().stream()
            .filter(r -> r.version().equals(LogFixture.V2))
            .filter(r -> r.error().equals(Optional.of(LogFixture.OOM)))
            .count();
    assertThat(expected).isPositive();
    assertThat(result.records()).hasSize((int) expected);
    assertThat(result.records())
        .allSatisfy(
            r -> {
              assertThat(r.version()).isEqualTo(LogFixture.V2);
              assertThat(r.error()).hasValue(LogFixture.OOM);
              assertThat(r.prediction()).isEmpty();
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_incorrectInOneSegmentWithConfidence_combinesStoreAndRowConditions(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    LogQuery query =
        LogQuery.of(LogFixture.MODEL, WINDOW)
            .withCorrectness(Correctness.INCORRECT)
            .withSegment(Map.of("region", "eu", "device", "android"))
            .withConfidence(0.5, 0.7)
            .withFeatures("city in (paris, lyon)", "age is_missing")
            .withLimit(1_000);

    LogSearchResult result = service(shared).search(query);

    assertThat(result.records()).isNotEmpty();
    assertThat(result.records())
        .allSatisfy(
            r -> {
              assertThat(r.correct()).hasValue(false);
              assertThat(r.segment())
                  .containsEntry("region", "eu")
                  .containsEntry("device", "android");
              assertThat(r.confidence().getAsDouble()).isBetween(0.5, 0.7);
              assertThat(r.features().get("city"))
                  .isIn(new FeatureValue.Text("paris"), new FeatureValue.Text("lyon"));
              assertThat(r.features().get("age")).isEqualTo(FeatureValue.Missing.INSTANCE);
              assertThat(r.label()).isPresent();
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_unlabeled_returnsEveryTenthServedRecordAndTheFailedOnes(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    LogQuery query =
        LogQuery.of(LogFixture.MODEL, WINDOW)
            .withCorrectness(Correctness.UNLABELED)
            .withErrors(ErrorFilter.succeeded())
            .withLimit(1_000);

    LogSearchResult result = service(shared).search(query);

    long expected =
        shared.traffic().records().stream()
            .filter(r -> LogFixture.WINDOW.contains(r.timestamp()) && r.error().isEmpty())
            .filter(r -> Integer.parseInt(r.requestId().substring(1)) % 10 == 9)
            .count();
    assertThat(result.records()).hasSize((int) expected);
    assertThat(result.records()).allSatisfy(r -> assertThat(r.label()).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_labeled_matchesEveryServedRecordButTheUnlabelledTenth(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    LogQuery query =
        LogQuery.of(LogFixture.MODEL, WINDOW)
            .withCorrectness(Correctness.LABELED)
            .withErrors(ErrorFilter.succeeded())
            .withLimit(1_000)
            .withSampling(Sampling.RANDOM, 1);

    LogSearchResult result = service(shared).search(query);

    long expected =
        shared.traffic().records().stream()
            .filter(r -> LogFixture.WINDOW.contains(r.timestamp()) && r.error().isEmpty())
            .filter(r -> Integer.parseInt(r.requestId().substring(1)) % 10 != 9)
            .count();
    assertThat(result.counts().matched()).isEqualTo(expected);
    assertThat(result.records()).hasSize(1_000);
    assertThat(result.records()).allSatisfy(r -> assertThat(r.label()).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_moreMatchesThanTheLimit_returnsTheNewestAndSaysMoreMatch(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    LogSearchResult result = service(shared).search(LogQuery.of(LogFixture.MODEL, WINDOW));

    List<String> newest =
        shared.traffic().records().stream()
            .sorted(Comparator.comparing(InferenceRecord::timestamp).reversed())
            .limit(LogQuery.DEFAULT_LIMIT)
            .map(InferenceRecord::requestId)
            .toList();
    assertThat(result.records())
        .extracting(LoggedInference::requestId)
        .containsExactlyElementsOf(newest);
    assertThat(result.counts().end()).isEqualTo(ScanEnd.LIMIT_REACHED);
    assertThat(result.summary()).startsWith("More than 50 records");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_pastTheScanLimit_saysTheScanWasTruncatedAndHowManyRowsWereExamined(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    InferenceLogService limited =
        new InferenceLogService(shared.database(), shared.registry(), LogFixture.CLOCK, 1_000, 500);
    LogQuery query =
        LogQuery.of(LogFixture.MODEL, WHOLE)
            .withFeatures("amount > 1000")
            .withSampling(Sampling.OLDEST, 0)
            .withLimit(1_000);

    LogSearchResult result = limited.search(query);

    assertThat(result.counts().truncated()).isTrue();
    assertThat(result.counts().examined()).isEqualTo(1_000);
    assertThat(result.counts().matched()).isEqualTo(1_000 / LogFixture.LARGE_AMOUNT_EVERY + 1);
    assertThat(result.records())
        .extracting(LoggedInference::requestId)
        .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(1))).isLessThan(1_000));
    ErrorPatterns patterns = result.errorPatterns();
    assertThat(patterns.scanLimit()).isEqualTo(1_000);
    // the newest 1,000 records hold about 780 right predictions, cut at the sample limit of 500,
    // and about 130 wrong or failed ones
    assertThat(patterns.referenceSampleSize()).isEqualTo(500);
    assertThat(patterns.errorSampleSize()).isBetween(50, 300);
    assertThat(result.summary())
        .contains("TRUNCATED")
        .contains("1000 rows examined")
        .contains("oldest");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_randomSampling_isReproducibleFromItsSeedAndMatchesTheFilters(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    LogQuery query =
        LogQuery.of(LogFixture.MODEL, WHOLE)
            .withSegment(Map.of("region", "apac"))
            .withSampling(Sampling.RANDOM, 42)
            .withLimit(20);

    LogSearchResult first = service(shared).search(query);
    LogSearchResult again = service(shared).search(query);
    LogSearchResult otherSeed = service(shared).search(query.withSampling(Sampling.RANDOM, 43));

    assertThat(first.records()).hasSize(20);
    assertThat(again.records()).isEqualTo(first.records());
    assertThat(otherSeed.records()).isNotEqualTo(first.records());
    assertThat(first.records())
        .allSatisfy(r -> assertThat(r.segment()).containsEntry("region", "apac"));
    assertThat(first.counts().end()).isEqualTo(ScanEnd.COMPLETE);
    assertThat(first.counts().matched()).isGreaterThan(1_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void errorPatterns_plantedSegment_isTheTopSignificantPattern(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    ErrorPatterns patterns =
        service(shared).search(LogQuery.of(LogFixture.MODEL, WINDOW)).errorPatterns();

    assertThat(patterns.basis()).isEqualTo(ErrorPatterns.Basis.INCORRECT_OR_FAILED_VS_CORRECT);
    assertThat(patterns.patterns().subList(0, 2))
        .extracting(ErrorPattern::source, ErrorPattern::describe)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Source.SEGMENT, "region=eu"),
            org.assertj.core.groups.Tuple.tuple(Source.SEGMENT, "device=android"));
    assertThat(patterns.patterns().subList(0, 2))
        .allSatisfy(
            p -> {
              assertThat(p.significant()).isTrue();
              assertThat(p.lift()).isGreaterThan(1.5);
              assertThat(p.errorCount()).isGreaterThan(100);
            });
    // timeouts take 5 s: the slowest latency bin is over-represented among errors as well
    assertThat(patterns.patterns())
        .anySatisfy(
            p -> {
              assertThat(p.source()).isEqualTo(Source.LATENCY);
              assertThat(p.value()).startsWith(">= ");
              assertThat(p.significant()).isTrue();
            });
    assertThat(patterns.summary()).containsAnyOf("region=eu", "device=android");
    assertThat(patterns.errorSampleSize() + patterns.referenceSampleSize()).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void search_conditionsThatDoNotFitTheModel_areRefusedWithTheFix(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    InferenceLogService service = service(shared);

    assertThatThrownBy(
            () -> service.search(LogQuery.of(LogFixture.MODEL, WINDOW).withFeatures("income > 3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no feature 'income'")
        .hasMessageContaining("amount");
    assertThatThrownBy(
            () -> service.search(LogQuery.of(LogFixture.MODEL, WINDOW).withFeatures("city > 3")))
        .hasMessageContaining("feature 'city' is categorical");
    assertThatThrownBy(() -> service.search(LogQuery.of("nope", WINDOW)))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageContaining("known: " + LogFixture.MODEL);
    assertThatThrownBy(
            () -> service.search(LogQuery.of(LogFixture.MODEL, WINDOW).withVersion("v9")))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageContaining("known: v1, v2");
    assertThatThrownBy(() -> LogQuery.of(LogFixture.MODEL, WINDOW).withLimit(1_001))
        .hasMessageContaining("limit must be between 1 and 1000");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void regressionModel_comparesFailedWithServedRecordsAndRefusesCorrectness(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, LogFixture.CLOCK);
      registry.createModel(
          "eta", ModelTask.REGRESSION, "", Map.of(), OptionalDouble.empty(), Map.of());
      registry.addVersion("eta", "1", Map.of());
      List<InferenceRecord> records = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String region = i % 4 == 0 ? "eu" : "us";
        boolean failed = region.equals("eu") ? i % 8 == 0 : i % 50 == 1;
        records.add(
            new InferenceRecord(
                "e" + i,
                "eta",
                "1",
                LogFixture.START.plusSeconds(i),
                Map.of("distance", new FeatureValue.Numeric(i % 17)),
                Optional.empty(),
                failed ? Optional.empty() : Optional.of(new Outcome.Number(i)),
                OptionalDouble.empty(),
                Map.of(),
                OptionalDouble.of(20),
                Map.of("region", region),
                failed ? Optional.of("timeout") : Optional.empty()));
      }
      try (InferenceWriter writer =
          InferenceWriter.start(database, registry, LogFixture.INGEST, LogFixture.CLOCK)) {
        writer.writeInferences(records);
      }
      InferenceLogService service = new InferenceLogService(database, registry, LogFixture.CLOCK);

      ErrorPatterns patterns =
          service.search(LogQuery.of("eta", TimeWindow.parse("1h"))).errorPatterns();

      assertThat(patterns.basis()).isEqualTo(ErrorPatterns.Basis.FAILED_VS_SERVED);
      // every 8th record fails in eu (50 of 100), every 50th from the 2nd in us (8 of 300)
      assertThat(patterns.errorSampleSize()).isEqualTo(50 + 8);
      assertThat(patterns.patterns().get(0).describe()).isEqualTo("region=eu");
      assertThat(patterns.patterns().get(0).significant()).isTrue();
      assertThatThrownBy(
              () ->
                  service.search(
                      LogQuery.of("eta", TimeWindow.parse("1h"))
                          .withCorrectness(Correctness.INCORRECT)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("regression model")
          .hasMessageContaining("use correctness ANY, LABELED or UNLABELED");
    }
  }
}
