package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every drift method owes its callers, checked for each one. */
class DriftMethodContractTest {

  private static DatasetDriftDetector forcing(DriftMethod method, String feature) {
    return DatasetDriftDetector.withDefaults()
        .with(DriftPolicy.defaults().withMethod(feature, method));
  }

  private static FeatureSample sampleFor(
      DriftMethod method, SplittableRandom random, double shift) {
    if (method == DriftMethod.Z_TEST) {
      double[] values = new double[400];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextDouble() < 0.3 + shift / 4 ? 1 : 0;
      }
      return new FeatureSample.Numeric(values, 0);
    }
    return DriftSamples.normal(random, 400, shift, 1);
  }

  @ParameterizedTest
  @EnumSource(DriftMethod.class)
  void identicalSamples_giveNoDrift(DriftMethod method) {
    FeatureSample sample = sampleFor(method, new SplittableRandom(1), 0);

    FeatureDrift.Tested x =
        (FeatureDrift.Tested)
            forcing(method, "x").detect(Map.of("x", sample), Map.of("x", sample)).features().get(0);

    assertThat(x.drifted()).isFalse();
    assertThat(x.effectSize()).isZero();
    // Anderson–Darling reports its significance capped to [0.001, 0.25], as scipy does.
    assertThat(x.pValue())
        .isGreaterThanOrEqualTo(method == DriftMethod.ANDERSON_DARLING ? 0.25 : 0.5);
  }

  @ParameterizedTest
  @EnumSource(DriftMethod.class)
  void shuffledInput_givesTheSameAnswer(DriftMethod method) {
    SplittableRandom random = new SplittableRandom(2);
    FeatureSample.Numeric reference = (FeatureSample.Numeric) sampleFor(method, random, 0);
    FeatureSample.Numeric current = (FeatureSample.Numeric) sampleFor(method, random, 0.3);
    double[] shuffled = current.values();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }

    FeatureDrift a =
        forcing(method, "x").detect(Map.of("x", reference), Map.of("x", current)).features().get(0);
    FeatureDrift b =
        forcing(method, "x")
            .detect(Map.of("x", reference), Map.of("x", new FeatureSample.Numeric(shuffled, 0)))
            .features()
            .get(0);

    assertThat(b).isEqualTo(a);
  }

  @ParameterizedTest
  @EnumSource(DriftMethod.class)
  void statisticsStayInRangeAndAShiftIsFound(DriftMethod method) {
    SplittableRandom random = new SplittableRandom(3);
    FeatureSample reference = sampleFor(method, random, 0);
    FeatureSample current = sampleFor(method, random, 1.0);

    FeatureDrift.Tested x =
        (FeatureDrift.Tested)
            forcing(method, "x")
                .detect(Map.of("x", reference), Map.of("x", current))
                .features()
                .get(0);

    assertThat(x.pValue()).isBetween(0.0, 1.0);
    assertThat(x.adjustedPValue()).isBetween(x.pValue(), 1.0);
    assertThat(x.effectSize()).isFinite().isGreaterThanOrEqualTo(0.0);
    assertThat(x.statistic()).isFinite();
    assertThat(x.drifted()).isTrue();
  }
}
