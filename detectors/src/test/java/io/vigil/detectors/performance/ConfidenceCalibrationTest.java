package io.vigil.detectors.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfidenceCalibrationTest {

  /**
   * PAV's block means are sums of a few thousand 0/1 values divided by their weight: both sides
   * round differently in the pooled means, a few ulps.
   */
  private static final double ISOTONIC_TOLERANCE = 1e-12;

  /**
   * Both sides minimise the same convex objective iteratively (Newton here, scipy's trust-exact
   * polished by Newton there) to the rounding floor of the gradient sums, which moves the optimum
   * by ~1e-13 relative; 1e-10 leaves room for differently ordered sums.
   */
  private static final double PLATT_TOLERANCE = 1e-10;

  static Stream<PerformanceReference.Case> calibrationCases() {
    return PerformanceReference.cases("calibration");
  }

  @ParameterizedTest
  @MethodSource("calibrationCases")
  void isotonic_referenceCase_matchesPoolAdjacentViolators(PerformanceReference.Case c) {
    double[] confidence = PerformanceReference.doubles(c.json().get("confidence"));
    double[] correct = PerformanceReference.doubles(c.json().get("correct"));
    double[] queries = PerformanceReference.doubles(c.json().get("queries"));
    double[] expected = PerformanceReference.doubles(c.expected("isotonic"));

    IsotonicCalibration calibration = IsotonicCalibration.fit(confidence, correct);

    for (int i = 0; i < queries.length; i++) {
      assertThat(calibration.calibrate(queries[i]))
          .as("query %s", queries[i])
          .isCloseTo(expected[i], Offset.offset(ISOTONIC_TOLERANCE));
    }
  }

  @ParameterizedTest
  @MethodSource("calibrationCases")
  void platt_referenceCase_matchesScipyFit(PerformanceReference.Case c) {
    double[] confidence = PerformanceReference.doubles(c.json().get("confidence"));
    double[] correct = PerformanceReference.doubles(c.json().get("correct"));
    double[] queries = PerformanceReference.doubles(c.json().get("queries"));
    double[] expected = PerformanceReference.doubles(c.expected("platt"));

    PlattCalibration calibration = PlattCalibration.fit(confidence, correct);

    assertThat(calibration.slope())
        .isCloseTo(c.expectedDouble("platt_slope"), Offset.offset(PLATT_TOLERANCE));
    assertThat(calibration.intercept())
        .isCloseTo(c.expectedDouble("platt_intercept"), Offset.offset(PLATT_TOLERANCE));
    for (int i = 0; i < queries.length; i++) {
      assertThat(calibration.calibrate(queries[i]))
          .isCloseTo(expected[i], Offset.offset(PLATT_TOLERANCE));
    }
  }

  @Test
  void isotonic_decreasingData_poolsToTheOverallMean() {
    double[] confidence = {0.6, 0.7, 0.8, 0.9};
    double[] correct = {1, 1, 0, 0};

    IsotonicCalibration calibration = IsotonicCalibration.fit(confidence, correct);

    assertThat(calibration.calibrate(0.6)).isEqualTo(0.5);
    assertThat(calibration.calibrate(0.95)).isEqualTo(0.5);
  }

  @Test
  void platt_perfectlySeparated_staysFiniteAndMonotone() {
    double[] confidence = {0.55, 0.6, 0.65, 0.9, 0.95, 0.99};
    double[] correct = {0, 0, 0, 1, 1, 1};

    PlattCalibration calibration = PlattCalibration.fit(confidence, correct);

    assertThat(calibration.slope()).isFinite().isPositive();
    assertThat(calibration.calibrate(0.99)).isGreaterThan(calibration.calibrate(0.55));
    // Platt's targets bound the fit away from 0 and 1
    assertThat(calibration.calibrate(1.0)).isLessThan(1.0);
  }
}
