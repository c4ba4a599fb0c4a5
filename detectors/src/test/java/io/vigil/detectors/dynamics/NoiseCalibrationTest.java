package io.vigil.detectors.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseCalibrationTest {

  @Test
  void fromReference_gaussianNoise_estimatesItsStandardDeviationAndMedian() {
    double[] scores = SeededScores.stationary(new SplittableRandom(11), 5_000, 3.0, 0.2);

    NoiseCalibration calibration = NoiseCalibration.fromReference(scores);

    assertThat(calibration.noise()).isCloseTo(0.2, within(0.01));
    assertThat(calibration.baseline()).isCloseTo(3.0, within(0.01));
    assertThat(calibration.referenceWindows()).isEqualTo(5_000);
  }

  @Test
  void fromReference_slowTrend_isNotMistakenForNoise() {
    double[] scores = SeededScores.ramp(new SplittableRandom(12), 2_000, 0, 1, 0, 0.05);

    NoiseCalibration calibration = NoiseCalibration.fromReference(scores);

    assertThat(calibration.noise()).isCloseTo(1.0, within(0.05));
  }

  @Test
  void fromReference_fewOutlyingWindows_keepTheNoiseEstimate() {
    double[] clean = SeededScores.stationary(new SplittableRandom(13), 2_000, 0, 1);
    double[] spoiled = clean.clone();
    for (int i = 100; i < spoiled.length; i += 100) {
      spoiled[i] += 50;
    }

    double cleanNoise = NoiseCalibration.fromReference(clean).noise();
    double spoiledNoise = NoiseCalibration.fromReference(spoiled).noise();

    assertThat(spoiledNoise).isCloseTo(cleanNoise, within(0.02));
  }

  @Test
  void fromReference_mostlyEqualDifferences_fallsBackToTheirStandardDeviation() {
    double[] scores = new double[40];
    scores[10] = 0.1;
    scores[30] = 0.1;

    NoiseCalibration calibration = NoiseCalibration.fromReference(scores);

    // Four differences of ±0.1 among 39: sample sd / √2 = 0.02294 (numpy).
    assertThat(calibration.noise()).isCloseTo(0.0229, within(0.0005));
    assertThat(calibration.baseline()).isZero();
  }

  @Test
  void fromReference_input_isNotModified() {
    double[] scores = SeededScores.stationary(new SplittableRandom(14), 50, 0, 1);
    double[] before = scores.clone();

    NoiseCalibration.fromReference(scores);

    assertThat(scores).containsExactly(before);
  }

  @Test
  void fromReference_constantScores_areRefused() {
    assertThatThrownBy(() -> NoiseCalibration.fromReference(new double[] {0.7, 0.7, 0.7, 0.7}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("constant");
  }

  @Test
  void fromReference_twoScores_areRefused() {
    assertThatThrownBy(() -> NoiseCalibration.fromReference(new double[] {0.1, 0.2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void fromReference_nonFiniteScore_isRefusedNamingItsIndex(double bad) {
    double[] scores = {0.1, 0.2, bad, 0.3};

    assertThatThrownBy(() -> NoiseCalibration.fromReference(scores))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 2");
  }

  @Test
  void constructor_nonPositiveNoise_isRefused() {
    assertThatThrownBy(() -> new NoiseCalibration(0, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("noise");
  }
}
