package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetDriftDetectorTest {

  private final SplittableRandom random = new SplittableRandom(42);
  private final DatasetDriftDetector detector = DatasetDriftDetector.withDefaults();

  private static FeatureDrift.Tested tested(DatasetDriftReport report, String feature) {
    return (FeatureDrift.Tested)
        report.features().stream()
            .filter(f -> f.feature().equals(feature))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void detect_choosesMethodByTypeAndCardinality() {
    Map<String, FeatureSample> reference = new LinkedHashMap<>();
    Map<String, FeatureSample> current = new LinkedHashMap<>();
    for (Map<String, FeatureSample> side : java.util.List.of(reference, current)) {
      side.put("amount", DriftSamples.normal(random, 300, 50, 10));
      side.put(
          "rating",
          new FeatureSample.Numeric(random.ints(300, 1, 6).asDoubleStream().toArray(), 0));
      side.put(
          "flag", new FeatureSample.Numeric(random.ints(300, 0, 2).asDoubleStream().toArray(), 0));
      side.put(
          "city",
          DriftSamples.categorical(random, 300, new double[] {0.5, 0.3, 0.2}, "a", "b", "c"));
      side.put(
          "member", DriftSamples.categorical(random, 300, new double[] {0.5, 0.5}, "no", "yes"));
    }

    DatasetDriftReport report = detector.detect(reference, current);

    assertThat(tested(report, "amount").method()).isEqualTo(DriftMethod.CRAMER_VON_MISES);
    assertThat(tested(report, "rating").method()).isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(tested(report, "flag").method()).isEqualTo(DriftMethod.Z_TEST);
    assertThat(tested(report, "city").method()).isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(tested(report, "member").method()).isEqualTo(DriftMethod.Z_TEST);
  }

  @Test
  void detect_shiftedFeature_rankedFirstAndDatasetShareCounted() {
    Map<String, FeatureSample> reference = new LinkedHashMap<>();
    Map<String, FeatureSample> current = new LinkedHashMap<>();
    reference.put("stable", DriftSamples.normal(random, 2_000, 0, 1));
    current.put("stable", DriftSamples.normal(random, 2_000, 0, 1));
    reference.put("moved", DriftSamples.normal(random, 2_000, 0, 1));
    current.put("moved", DriftSamples.normal(random, 2_000, 1, 1));

    DatasetDriftReport report = detector.detect(reference, current);

    assertThat(report.features())
        .extracting(FeatureDrift::feature)
        .containsExactly("moved", "stable");
    assertThat(report.drifted()).extracting(FeatureDrift::feature).containsExactly("moved");
    assertThat(report.testedFeatures()).isEqualTo(2);
    assertThat(report.driftedShare()).isEqualTo(0.5);
    assertThat(report.datasetDrift()).isTrue();
    assertThat(
            detector
                .with(DriftPolicy.defaults().withDatasetDriftShare(0.6))
                .detect(reference, current)
                .datasetDrift())
        .isFalse();
  }

  @Test
  void detect_allMissingFeature_isUntestedWithAReasonNotNaN() {
    Map<String, FeatureSample> reference =
        DriftSamples.one("x", DriftSamples.normal(random, 50, 0, 1));
    Map<String, FeatureSample> current =
        DriftSamples.one("x", new FeatureSample.Numeric(new double[0], 50));

    DatasetDriftReport report = detector.detect(reference, current);

    assertThat(report.features().get(0))
        .isInstanceOfSatisfying(
            FeatureDrift.Untested.class,
            u -> {
              assertThat(u.reason()).isEqualTo("no values in the current sample (all missing)");
              assertThat(u.current().missingShare()).isEqualTo(1.0);
            });
    assertThat(report.testedFeatures()).isZero();
    assertThat(report.datasetDrift()).isFalse();
  }

  @Test
  void detect_methodThatDoesNotApply_isUntestedWithTheReason() {
    Map<String, FeatureSample> reference =
        DriftSamples.one(
            "city", DriftSamples.categorical(random, 100, new double[] {0.5, 0.5}, "a", "b"));
    Map<String, FeatureSample> current =
        DriftSamples.one(
            "city", DriftSamples.categorical(random, 100, new double[] {0.5, 0.5}, "a", "b"));

    DatasetDriftReport report =
        detector
            .with(DriftPolicy.defaults().withMethod("city", DriftMethod.KOLMOGOROV_SMIRNOV))
            .detect(reference, current);

    assertThat(((FeatureDrift.Untested) report.features().get(0)).reason())
        .isEqualTo("ks: method ks needs a numeric feature; this one is categorical");
  }

  @Test
  void detect_singleObservations_giveAResultOrAReasonNeverNaN() {
    Map<String, FeatureSample> reference =
        DriftSamples.one("x", new FeatureSample.Numeric(new double[] {1.0}, 0));
    Map<String, FeatureSample> current =
        DriftSamples.one("x", new FeatureSample.Numeric(new double[] {2.0}, 0));

    FeatureDrift automatic = detector.detect(reference, current).features().get(0);
    FeatureDrift forced =
        detector
            .with(DriftPolicy.defaults().withMethod("x", DriftMethod.CRAMER_VON_MISES))
            .detect(reference, current)
            .features()
            .get(0);

    assertThat(automatic)
        .isInstanceOfSatisfying(
            FeatureDrift.Tested.class,
            t -> {
              assertThat(t.method()).isEqualTo(DriftMethod.Z_TEST);
              assertThat(t.pValue()).isBetween(0.0, 1.0);
              assertThat(t.drifted()).isFalse();
            });
    assertThat(forced)
        .isInstanceOfSatisfying(
            FeatureDrift.Untested.class,
            u -> assertThat(u.reason()).startsWith("cvm: ").contains("at least"));
  }

  @Test
  void detect_badInput_isRefusedWithTheFeatureNamed() {
    Map<String, FeatureSample> numeric =
        DriftSamples.one("x", DriftSamples.normal(random, 10, 0, 1));
    Map<String, FeatureSample> categorical =
        DriftSamples.one("x", DriftSamples.categorical(random, 10, new double[] {1}, "a"));
    Map<String, FeatureSample> other = DriftSamples.one("y", DriftSamples.normal(random, 10, 0, 1));

    assertThatThrownBy(() -> detector.detect(numeric, categorical))
        .hasMessage(
            "feature 'x' is numeric in the reference but categorical in the current sample");
    assertThatThrownBy(() -> detector.detect(numeric, other))
        .hasMessage("feature 'x' is in the reference but not in the current sample");
    assertThatThrownBy(
            () ->
                detector
                    .with(DriftPolicy.defaults().withMethod("z", DriftMethod.PSI))
                    .detect(numeric, numeric))
        .hasMessage("a method is set for feature 'z', which the reference does not have");
  }

  @Test
  void detect_significantButTinyEffect_isNotDrift() {
    SplittableRandom seeded = new SplittableRandom(3);
    Map<String, FeatureSample> reference =
        DriftSamples.one("x", DriftSamples.normal(seeded, 200_000, 0, 1));
    Map<String, FeatureSample> current =
        DriftSamples.one("x", DriftSamples.normal(seeded, 200_000, 0.05, 1));

    FeatureDrift.Tested x = tested(detector.detect(reference, current), "x");

    assertThat(x.adjustedPValue()).isLessThan(1e-6);
    assertThat(x.effectSize()).isLessThan(x.effectThreshold());
    assertThat(x.drifted()).isFalse();
  }

  @Test
  void withEffectSize_anotherEstimate_isDecidedAndRankedByTheSameRule() {
    Map<String, FeatureSample> reference = new LinkedHashMap<>();
    Map<String, FeatureSample> current = new LinkedHashMap<>();
    reference.put("moved", DriftSamples.normal(random, 2_000, 0, 1));
    current.put("moved", DriftSamples.normal(random, 2_000, 1, 1));
    reference.put("other", DriftSamples.normal(random, 2_000, 0, 1));
    current.put("other", DriftSamples.normal(random, 2_000, 0.5, 1));
    DatasetDriftReport report = detector.detect(reference, current);
    FeatureDrift.Tested moved = tested(report, "moved");

    FeatureDrift.Tested shrunk = moved.withEffectSize(0.01, detector.policy());
    DatasetDriftReport rebuilt =
        DatasetDriftReport.of(
            detector.policy(), java.util.List.of(shrunk, tested(report, "other")));

    assertThat(moved.drifted()).isTrue();
    assertThat(shrunk.drifted()).isFalse();
    assertThat(shrunk.adjustedPValue()).isEqualTo(moved.adjustedPValue());
    assertThat(rebuilt.features())
        .extracting(FeatureDrift::feature)
        .containsExactly("other", "moved");
    assertThat(rebuilt.testedFeatures()).isEqualTo(2);
    assertThat(rebuilt.driftedFeatures()).isEqualTo(1);
    assertThat(rebuilt.datasetDrift()).isTrue();
  }

  @Test
  void policy_badValues_areRefused() {
    DriftPolicy defaults = DriftPolicy.defaults();

    assertThatThrownBy(() -> defaults.withAlpha(0)).hasMessage("alpha must be in (0, 1), was 0.0");
    assertThatThrownBy(() -> defaults.withDatasetDriftShare(1.5))
        .hasMessage("dataset drift share must be in (0, 1], was 1.5");
    assertThatThrownBy(() -> defaults.withEffectThreshold(DriftMethod.PSI, Double.NaN))
        .hasMessage("effect threshold for psi must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> DriftMethod.fromId("nope"))
        .hasMessageStartingWith("unknown drift method 'nope'; expected one of ks, ad, cvm");
  }
}
