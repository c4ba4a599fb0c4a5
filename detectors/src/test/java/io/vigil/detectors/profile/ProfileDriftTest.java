package io.vigil.detectors.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.drift.DatasetDriftDetector;
import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.drift.FeatureSample;
import io.vigil.detectors.drift.KolmogorovSmirnovTest;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProfileDriftTest {

  private static final int CASES = 1000;
  private static final int MIN_SIZE = 2_000;
  private static final int MAX_SIZE = 50_000;

  /** What one seeded case gave on the raw samples and on their profiles. */
  private record Comparison(
      double rawDistance, double sketchDistance, boolean rawDrift, boolean profileDrift) {}

  /**
   * 1,000 seeded cases, sizes log-uniform in [2,000, 50,000] per side (about 15,000 on average, so
   * that the test runs in about 12 s): a third without change, a third with a location shift
   * uniform in [0, 0.3] σ and a third with a scale factor uniform in [1, 1.5]. The shifts give KS
   * distances spread over [0, 0.12], so that about one case in twenty lies within 0.005 of the 0.05
   * threshold. Decisions can differ only there: the p-values are far below α near the threshold at
   * these sizes, and the sketches' KS distance is off by about 0.001.
   */
  @Test
  void detect_thousandSeededCases_agreesWithRawData() {
    SplittableRandom random = new SplittableRandom(20261126L);
    double worstDistanceError = 0;
    int agreements = 0;
    int rawDrifts = 0;

    for (int c = 0; c < CASES; c++) {
      Comparison comparison = compare(random, c % 3);
      worstDistanceError =
          Math.max(
              worstDistanceError, Math.abs(comparison.sketchDistance() - comparison.rawDistance()));
      agreements += comparison.rawDrift() == comparison.profileDrift() ? 1 : 0;
      rawDrifts += comparison.rawDrift() ? 1 : 0;
    }

    System.out.printf(
        "profile drift: worst |D_sketch - D_raw| = %.5f, decisions agree in %d of %d"
            + " (raw drift in %d)%n",
        worstDistanceError, agreements, CASES, rawDrifts);
    assertThat(worstDistanceError).isLessThanOrEqualTo(0.01);
    assertThat(agreements).isGreaterThanOrEqualTo(990);
    assertThat(rawDrifts).isBetween(CASES / 4, 2 * CASES / 3);
  }

  private static Comparison compare(SplittableRandom random, int kind) {
    double[] reference = normal(random, size(random), 0, 1);
    double[] current =
        switch (kind) {
          case 0 -> normal(random, size(random), 0, 1);
          case 1 -> normal(random, size(random), 0.3 * random.nextDouble(), 1);
          default -> normal(random, size(random), 0, 1 + 0.5 * random.nextDouble());
        };
    NumericProfile referenceProfile = profile(reference, random.nextLong());
    NumericProfile currentProfile = profile(current, random.nextLong());
    double[] sortedReference = sorted(reference);
    double[] sortedCurrent = sorted(current);
    boolean rawDrift =
        DatasetDriftDetector.withDefaults()
            .detect(
                Map.of("x", new FeatureSample.Numeric(reference, 0)),
                Map.of("x", new FeatureSample.Numeric(current, 0)))
            .datasetDrift();
    boolean profileDrift =
        ProfileDrift.withDefaults()
            .detect(Map.of("x", referenceProfile), Map.of("x", currentProfile))
            .datasetDrift();
    return new Comparison(
        KolmogorovSmirnovTest.statistic(sortedReference, sortedCurrent),
        ProfileDrift.ksDistance(referenceProfile, currentProfile),
        rawDrift,
        profileDrift);
  }

  @Test
  void ksDistance_sameProfile_isZero() {
    NumericProfile profile = profile(normal(new SplittableRandom(1), 20_000, 0, 1), 1);

    double distance = ProfileDrift.ksDistance(profile, profile.copy());

    assertThat(distance).isZero();
  }

  @Test
  void ksDistance_disjointSupports_isOne() {
    NumericProfile low = profile(normal(new SplittableRandom(2), 5_000, 0, 1), 1);
    NumericProfile high = profile(normal(new SplittableRandom(3), 5_000, 100, 1), 2);

    double distance = ProfileDrift.ksDistance(low, high);

    assertThat(distance).isEqualTo(1.0);
  }

  @Test
  void ksDistance_emptyProfile_isRefusedNamingTheSide() {
    NumericProfile full = profile(new double[] {1, 2, 3}, 1);
    NumericProfile empty = NumericProfile.create(2);

    assertThatThrownBy(() -> ProfileDrift.ksDistance(empty, full))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference");
    assertThatThrownBy(() -> ProfileDrift.ksDistance(full, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current");
  }

  @Test
  void detect_mixedFeatures_reportsFullCountsAndSketchDistance() {
    SplittableRandom random = new SplittableRandom(4);
    NumericProfile reference = profile(normal(random, 30_000, 0, 1), 1);
    NumericProfile current = profile(normal(random, 20_000, 0.5, 1), 2);
    current.acceptMissing();
    CategoricalProfile referenceColors = colors(random, 10_000, 0.2);
    CategoricalProfile currentColors = colors(random, 10_000, 0.2);

    DatasetDriftReport report =
        ProfileDrift.withDefaults()
            .detect(
                Map.of("x", reference, "color", referenceColors),
                Map.of("x", current, "color", currentColors));

    FeatureDrift.Tested x = tested(report, "x");
    assertThat(x.method()).isEqualTo(DriftMethod.CRAMER_VON_MISES);
    assertThat(x.effectSize()).isEqualTo(ProfileDrift.ksDistance(reference, current));
    assertThat(x.drifted()).isTrue();
    assertThat(x.current()).isEqualTo(new FeatureDrift.SampleCounts(20_000, 1));
    FeatureDrift.Tested color = tested(report, "color");
    assertThat(color.method()).isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(color.drifted()).isFalse();
    assertThat(report.driftedFeatures()).isEqualTo(1);
  }

  @Test
  void detect_numericAgainstCategorical_isRefused() {
    NumericProfile numeric = profile(new double[] {1, 2, 3}, 1);
    CategoricalProfile categorical = colors(new SplittableRandom(5), 10, 0);

    assertThatThrownBy(
            () ->
                ProfileDrift.withDefaults().detect(Map.of("x", numeric), Map.of("x", categorical)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numeric");
  }

  private static FeatureDrift.Tested tested(DatasetDriftReport report, String feature) {
    return report.features().stream()
        .filter(f -> f.feature().equals(feature))
        .map(FeatureDrift.Tested.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static CategoricalProfile colors(SplittableRandom random, int n, double redShare) {
    CategoricalProfile profile = CategoricalProfile.create();
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      profile.accept(u < redShare ? "red" : u < 0.6 ? "green" : "blue");
    }
    return profile;
  }

  private static int size(SplittableRandom random) {
    return (int) Math.exp(Math.log(MIN_SIZE) + random.nextDouble() * Math.log(MAX_SIZE / MIN_SIZE));
  }

  private static double[] normal(SplittableRandom random, int n, double mean, double sd) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = mean + sd * random.nextGaussian();
    }
    return values;
  }

  private static NumericProfile profile(double[] values, long seed) {
    NumericProfile profile = NumericProfile.create(seed);
    for (double value : values) {
      profile.accept(value);
    }
    return profile;
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
