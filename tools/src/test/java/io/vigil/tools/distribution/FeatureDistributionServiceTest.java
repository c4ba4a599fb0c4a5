package io.vigil.tools.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.tools.distribution.BaselineReference.Choice;
import io.vigil.tools.distribution.FeatureDistribution.EdgeSource;
import io.vigil.tools.distribution.FeatureDistribution.Kind;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.LogFixture;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeatureDistributionServiceTest {

  private static final TimeWindow WINDOW = new TimeWindow.Absolute(LogFixture.WINDOW);

  private static FeatureDistributionService service(Database database, ModelRegistry registry) {
    return new FeatureDistributionService(database, registry, LogFixture.CLOCK, LogFixture.INGEST);
  }

  private static FeatureDistribution distribution(
      LogFixture.Shared shared, DistributionQuery query) {
    return service(shared.database(), shared.registry()).distribution(query);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void distribution_numericFeature_sharesTheBaselinesDecileBins(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    FeatureDistribution amount =
        distribution(
            shared,
            DistributionQuery.of(LogFixture.MODEL, "amount", WINDOW).withVersion(LogFixture.V1));

    assertThat(amount.kind()).isEqualTo(Kind.NUMERIC);
    assertThat(amount.range()).isEqualTo(LogFixture.WINDOW);
    assertThat(amount.baseline().orElseThrow().choice()).isEqualTo(Choice.NEWEST_OF_VERSION);
    FeatureDistribution.Numeric numeric = amount.numeric().orElseThrow();
    assertThat(numeric.edges()).isEqualTo(EdgeSource.BASELINE_QUANTILES);
    List<HistogramBin> bins = numeric.histogram();
    assertThat(bins).hasSize(10);
    // the middle edge is the baseline's own median: the bins are cut at its deciles
    assertThat(bins.get(4).upper().getAsDouble())
        .isEqualTo(numeric.baseline().orElseThrow().values().orElseThrow().quantiles().p50());
    bins.forEach(bin -> assertThat(bin.baselineShare().getAsDouble()).isCloseTo(0.1, within(0.03)));
    bins.forEach(bin -> assertThat(bin.share()).isCloseTo(0.1, within(0.04)));
    assertThat(bins.stream().mapToLong(HistogramBin::count).sum())
        .isCloseTo(numeric.current().count(), within(5L));
    long v1InWindow =
        shared.traffic().records().stream()
            .filter(r -> r.version().equals(LogFixture.V1))
            .filter(r -> LogFixture.WINDOW.contains(r.timestamp()))
            .count();
    assertThat(numeric.current().count()).isEqualTo(v1InWindow);
    assertThat(amount.drift().orElseThrow().drifted()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void distribution_shiftedFeature_driftsAgainstTheBaseline(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    FeatureDistribution age =
        distribution(shared, DistributionQuery.of(LogFixture.MODEL, "age", WINDOW));

    FeatureDrift drift = age.drift().orElseThrow();
    assertThat(drift).isInstanceOf(FeatureDrift.Tested.class);
    assertThat(drift.drifted()).isTrue();
    NumericStats current = age.numeric().orElseThrow().current();
    NumericStats baseline = age.numeric().orElseThrow().baseline().orElseThrow();
    assertThat(current.values().orElseThrow().mean() - baseline.values().orElseThrow().mean())
        .isCloseTo(LogFixture.AGE_SHIFT, within(2.0));
    assertThat(current.missingRate()).isCloseTo(0.05, within(0.001));
    assertThat(age.summary()).contains("age of checkout (all versions)").contains("DRIFTED");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void distribution_latencyOfTheCanary_comparesWithTheModelsNewestBaseline(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    FeatureDistribution latency =
        distribution(
            shared,
            DistributionQuery.of(LogFixture.MODEL, "@latency_ms", WINDOW)
                .withVersion(LogFixture.V2));

    assertThat(latency.baseline().orElseThrow().choice()).isEqualTo(Choice.NEWEST_OF_MODEL);
    assertThat(latency.baseline().orElseThrow().version()).isEqualTo(LogFixture.V1);
    NumericStats.Quantiles now =
        latency.numeric().orElseThrow().current().values().orElseThrow().quantiles();
    NumericStats.Quantiles before =
        latency.numeric().orElseThrow().baseline().orElseThrow().values().orElseThrow().quantiles();
    assertThat(now.p95()).isGreaterThan(700);
    assertThat(before.p95()).isLessThan(100);
    assertThat(latency.drift().orElseThrow().drifted()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void distribution_categoricalFeature_listsSharesBesideTheBaselines(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    FeatureDistribution city =
        distribution(shared, DistributionQuery.of(LogFixture.MODEL, "city", WINDOW));

    FeatureDistribution.Categorical categorical = city.categorical().orElseThrow();
    assertThat(categorical.categories())
        .extracting(CategoryShare::category)
        .containsExactlyInAnyOrder("paris", "lyon", "berlin", "austin", "tokyo");
    assertThat(categorical.categories())
        .allSatisfy(
            share -> {
              assertThat(share.share()).isCloseTo(0.2, within(0.03));
              assertThat(share.baselineShare().getAsDouble()).isCloseTo(0.2, within(0.03));
            });
    assertThat(categorical.current().exact()).isTrue();
    assertThat(city.drift().orElseThrow().drifted()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void distribution_predictionWithoutABaselineProfile_saysSo(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    FeatureDistribution prediction =
        distribution(shared, DistributionQuery.of(LogFixture.MODEL, "@prediction", WINDOW));

    assertThat(prediction.kind()).isEqualTo(Kind.CATEGORICAL);
    assertThat(prediction.categorical().orElseThrow().categories())
        .extracting(CategoryShare::category)
        .containsExactly("ok", "fraud");
    assertThat(prediction.categorical().orElseThrow().baseline()).isEmpty();
    assertThat(prediction.drift()).isEmpty();
    assertThat(prediction.summary()).contains("has no profile of @prediction");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void distribution_modelWithoutRecordsOrBaseline_answersEmptyAndUnknownFeaturesAreRefused(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, LogFixture.CLOCK);
      registry.createModel(
          "quiet",
          ModelTask.REGRESSION,
          "",
          Map.of(),
          OptionalDouble.empty(),
          Map.of("x", FeatureKind.NUMERIC));
      registry.addVersion("quiet", "1", Map.of());
      FeatureDistributionService service = service(database, registry);

      FeatureDistribution x = service.distribution(DistributionQuery.of("quiet", "x", WINDOW));

      assertThat(x.numeric().orElseThrow().current().count()).isZero();
      assertThat(x.numeric().orElseThrow().histogram()).isEmpty();
      assertThat(x.baseline()).isEmpty();
      assertThat(x.summary()).contains("no values").contains("has no baseline");
      assertThatThrownBy(() -> service.distribution(DistributionQuery.of("quiet", "y", WINDOW)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no feature 'y'; choose one of x, @prediction");
    }
  }
}
