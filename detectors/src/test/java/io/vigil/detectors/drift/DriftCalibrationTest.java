package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Monte Carlo calibration of the default policy, with fixed seeds. The bounds are the issue's: a
 * per-feature false-positive rate within α ± 1.5 pp, a dataset-level rate of at most 1% over 50
 * features, and large-sample decisions that follow the effect size, not the sample size.
 */
class DriftCalibrationTest {

  private static final double ALPHA = DriftPolicy.DEFAULT_ALPHA;
  private static final double SLACK = 0.015;
  private static final int REPETITIONS = 2_000;
  private static final DatasetDriftDetector DEFAULTS = DatasetDriftDetector.withDefaults();

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {100, 1_000})
  void identicalNormals_falsePositiveRateIsAlpha(int n) {
    SplittableRandom random = new SplittableRandom(7_000 + n);
    int significant = 0;
    int drifted = 0;

    for (int r = 0; r < REPETITIONS; r++) {
      DatasetDriftReport report =
          DEFAULTS.detect(
              DriftSamples.one("x", DriftSamples.normal(random, n, 0, 1)),
              DriftSamples.one("x", DriftSamples.normal(random, n, 0, 1)));
      FeatureDrift.Tested x = (FeatureDrift.Tested) report.features().get(0);
      significant += x.adjustedPValue() < ALPHA ? 1 : 0;
      drifted += x.drifted() ? 1 : 0;
    }

    double significantRate = (double) significant / REPETITIONS;
    double driftRate = (double) drifted / REPETITIONS;
    System.out.printf(
        "n=%d: p < alpha in %.2f%%, drift decided in %.2f%% of %d repetitions%n",
        n, 100 * significantRate, 100 * driftRate, REPETITIONS);
    assertThat(significantRate).isBetween(ALPHA - SLACK, ALPHA + SLACK);
    assertThat(driftRate).isBetween(ALPHA - SLACK, ALPHA + SLACK);
  }

  @Test
  void fiftyIdenticalFeatures_datasetDriftAtMostOnePercent() {
    SplittableRandom random = new SplittableRandom(50);
    int datasetDrift = 0;
    int anyFeature = 0;

    for (int r = 0; r < REPETITIONS; r++) {
      Map<String, FeatureSample> reference = new LinkedHashMap<>();
      Map<String, FeatureSample> current = new LinkedHashMap<>();
      for (int f = 0; f < 50; f++) {
        reference.put("f" + f, DriftSamples.normal(random, 100, f, 1 + f % 3));
        current.put("f" + f, DriftSamples.normal(random, 100, f, 1 + f % 3));
      }
      DatasetDriftReport report = DEFAULTS.detect(reference, current);
      datasetDrift += report.datasetDrift() ? 1 : 0;
      anyFeature += report.driftedFeatures() > 0 ? 1 : 0;
    }

    System.out.printf(
        "50 features: dataset drift in %.2f%%, any feature drifted in %.2f%%%n",
        100.0 * datasetDrift / REPETITIONS, 100.0 * anyFeature / REPETITIONS);
    assertThat((double) datasetDrift / REPETITIONS).isLessThanOrEqualTo(0.01);
    // Benjamini–Hochberg under the global null bounds the chance of any false alarm by alpha.
    assertThat((double) anyFeature / REPETITIONS).isLessThanOrEqualTo(ALPHA + SLACK);
  }

  @Test
  void millionRows_tinyShiftIsNotDriftButAQuarterSigmaIs() {
    SplittableRandom random = new SplittableRandom(1_000_000);
    FeatureSample reference = DriftSamples.normal(random, 1_000_000, 0, 1);
    FeatureSample tiny = DriftSamples.normal(random, 1_000_000, 0.01, 1);
    FeatureSample quarter = DriftSamples.normal(random, 1_000_000, 0.25, 1);

    FeatureDrift.Tested tinyShift =
        (FeatureDrift.Tested)
            DEFAULTS
                .detect(DriftSamples.one("x", reference), DriftSamples.one("x", tiny))
                .features()
                .get(0);
    FeatureDrift.Tested quarterShift =
        (FeatureDrift.Tested)
            DEFAULTS
                .detect(DriftSamples.one("x", reference), DriftSamples.one("x", quarter))
                .features()
                .get(0);

    // At this size even 0.01 sigma is significant; the effect size is what keeps it quiet.
    assertThat(tinyShift.pValue()).isLessThan(ALPHA);
    assertThat(tinyShift.drifted()).isFalse();
    assertThat(quarterShift.drifted()).isTrue();
  }

  @Test
  void fourCategoriesAt500_falsePositivesAtMostAlphaPlusSlack() {
    SplittableRandom random = new SplittableRandom(4);
    double[] shares = {0.4, 0.3, 0.2, 0.1};
    int drifted = 0;

    for (int r = 0; r < REPETITIONS; r++) {
      DatasetDriftReport report =
          DEFAULTS.detect(
              DriftSamples.one(
                  "c", DriftSamples.categorical(random, 500, shares, "a", "b", "c", "d")),
              DriftSamples.one(
                  "c", DriftSamples.categorical(random, 500, shares, "a", "b", "c", "d")));
      drifted += report.driftedFeatures();
    }

    System.out.printf("4 categories, n=500: drift in %.2f%%%n", 100.0 * drifted / REPETITIONS);
    assertThat((double) drifted / REPETITIONS).isLessThanOrEqualTo(ALPHA + SLACK);
  }
}
