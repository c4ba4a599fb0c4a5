package io.vigil.tools.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProfileComparisonTest {

  private static NumericProfile normal(long seed, double mean, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    NumericProfile profile = NumericProfile.create(seed);
    for (int i = 0; i < count; i++) {
      profile.accept(
          mean
              + Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                  * Math.cos(2 * Math.PI * random.nextDouble()));
    }
    return profile;
  }

  @Test
  void compare_featureMissingFromTheWindowWithAForcedMethod_isUntestedAndTheRestTested() {
    Map<String, FeatureProfile> reference =
        Map.of("amount", normal(1, 0, 2_000), "score", normal(2, 0, 2_000));
    Map<String, FeatureProfile> window = Map.of("amount", normal(3, 1, 500));
    DriftPolicy forced =
        DriftPolicy.defaults()
            .withMethod("amount", DriftMethod.KOLMOGOROV_SMIRNOV)
            .withMethod("score", DriftMethod.KOLMOGOROV_SMIRNOV);

    DatasetDriftReport report =
        ProfileComparison.compare(forced, List.of("amount", "score"), reference, window);

    assertThat(report.features().get(0))
        .isInstanceOfSatisfying(
            FeatureDrift.Tested.class,
            tested -> {
              assertThat(tested.feature()).isEqualTo("amount");
              assertThat(tested.method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
              assertThat(tested.drifted()).isTrue();
            });
    assertThat(report.features().get(1))
        .isInstanceOfSatisfying(
            FeatureDrift.Untested.class,
            untested -> assertThat(untested.reason()).contains("no record in the window"));
  }

  @Test
  void compare_kindChangedSinceTheBaseline_isUntestedWithTheFix() {
    Map<String, FeatureProfile> reference = Map.of("plan", normal(1, 0, 100));
    CategoricalProfile now = CategoricalProfile.create();
    now.accept("basic");

    DatasetDriftReport report =
        ProfileComparison.compare(
            DriftPolicy.defaults(), List.of("plan"), reference, Map.of("plan", now));

    assertThat(report.testedFeatures()).isZero();
    assertThat(((FeatureDrift.Untested) report.features().get(0)).reason())
        .contains("numeric", "categorical", "rebuild the baseline");
  }
}
