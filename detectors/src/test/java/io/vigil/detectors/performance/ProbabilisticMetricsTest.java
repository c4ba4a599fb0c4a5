package io.vigil.detectors.performance;

import static io.vigil.detectors.performance.PerformanceReference.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProbabilisticMetricsTest {

  private static final ProbabilisticMetrics METRICS = ProbabilisticMetrics.withDefaults();

  static Stream<PerformanceReference.Case> classificationCases() {
    return PerformanceReference.cases("classification");
  }

  @ParameterizedTest
  @MethodSource("classificationCases")
  void evaluate_referenceCase_matchesClosedForms(PerformanceReference.Case c) {
    int[] actual = PerformanceReference.ints(c.json().get("actual"));
    int[] predicted = PerformanceReference.ints(c.json().get("predicted"));
    double[][] probabilities = PerformanceReference.matrix(c.json().get("probabilities"));

    ProbabilisticReport report = METRICS.evaluate(actual, predicted, probabilities);

    JsonNode auc = c.expected("roc_auc");
    assertThat(report.rocAuc().isPresent()).isEqualTo(!auc.isNull());
    if (!auc.isNull()) {
      assertThat(report.rocAuc().getAsDouble()).isCloseTo(auc.doubleValue(), tolerance(1));
    }
    assertThat(report.logLoss()).isCloseTo(c.expectedDouble("log_loss"), tolerance(1));
    assertThat(report.brierScore()).isCloseTo(c.expectedDouble("brier"), tolerance(1));
    assertThat(report.calibration().expectedCalibrationError())
        .isCloseTo(c.expectedDouble("ece"), tolerance(1));
    assertThat(report.calibration().meanConfidence())
        .isCloseTo(c.expectedDouble("mean_confidence"), tolerance(1));
    assertThat(report.meanEntropy()).isCloseTo(c.expectedDouble("mean_entropy"), tolerance(1));
    assertThat(report.meanMargin()).isCloseTo(c.expectedDouble("mean_margin"), tolerance(1));
  }

  @Test
  void evaluate_perfectSeparation_givesAucOneAndAllTiedGivesOneHalf() {
    int[] actual = {0, 0, 1, 1};
    double[][] separated = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}, {0.4, 0.6}};
    double[][] tied = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};

    ProbabilisticReport perfect = METRICS.evaluate(actual, actual, separated);
    ProbabilisticReport flat = METRICS.evaluate(actual, actual, tied);

    assertThat(perfect.rocAuc()).hasValue(1.0);
    assertThat(flat.rocAuc()).hasValue(0.5);
  }

  @Test
  void evaluate_singleActualClass_givesNoAucAndZeroProbabilityGivesFiniteLogLoss() {
    int[] actual = {1, 1, 1};
    double[][] probabilities = {{1.0, 0.0}, {0.5, 0.5}, {0.2, 0.8}};

    ProbabilisticReport report = METRICS.evaluate(actual, new int[] {0, 0, 1}, probabilities);

    assertThat(report.rocAuc()).isEmpty();
    assertThat(report.logLoss())
        .isCloseTo(
            -(Math.log(ProbabilisticMetrics.LOG_LOSS_FLOOR) + Math.log(0.5) + Math.log(0.8)) / 3,
            tolerance(12));
  }

  @Test
  void expectedCalibrationError_confidenceAtBinEdge_fallsInTheLowerBin() {

    int edge = ExpectedCalibrationError.bin(0.1);
    int zero = ExpectedCalibrationError.bin(0.0);
    int one = ExpectedCalibrationError.bin(1.0);

    assertThat(edge).isZero();
    assertThat(zero).isZero();
    assertThat(one).isEqualTo(ExpectedCalibrationError.BINS - 1);
  }

  @Test
  void evaluate_badProbabilities_areRefusedNamingTheRow() {
    int[] labels = {0, 1};

    assertThatThrownBy(
            () -> METRICS.evaluate(labels, labels, new double[][] {{0.5, 0.5}, {0.6, 0.5}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 sums to");
    assertThatThrownBy(
            () -> METRICS.evaluate(labels, labels, new double[][] {{0.5, 0.5}, {Double.NaN, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 holds NaN");
    assertThatThrownBy(() -> METRICS.evaluate(labels, labels, new double[][] {{0.5, 0.5}, {1.0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 must hold 2 values");
    assertThatThrownBy(() -> METRICS.evaluate(labels, labels, new double[][] {{1.0, 0.0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probabilities has 1 rows");
    assertThatThrownBy(() -> ExpectedCalibrationError.of(labels, labels, new double[] {0.5, 1.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence at index 1 is 1.5");
  }
}
