package io.vigil.detectors.performance;

import static io.vigil.detectors.performance.PerformanceReference.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegressionMetricsTest {

  static Stream<PerformanceReference.Case> regressionCases() {
    return PerformanceReference.cases("regression");
  }

  @ParameterizedTest
  @MethodSource("regressionCases")
  void report_referenceCase_matchesClosedForms(PerformanceReference.Case c) {
    double[] actual = PerformanceReference.doubles(c.json().get("actual"));
    double[] predicted = PerformanceReference.doubles(c.json().get("predicted"));

    RegressionReport report = RegressionMetrics.of(actual, predicted).report();

    double mae = c.expectedDouble("mae");
    double rmse = c.expectedDouble("rmse");
    assertThat(report.meanAbsoluteError()).isCloseTo(mae, tolerance(mae));
    assertThat(report.rootMeanSquaredError()).isCloseTo(rmse, tolerance(rmse));
    // R² = 1 − SS_res/SS_tot: its error is that of SS_tot relative to SS_res, ~1e-12 here
    assertThat(report.rSquared()).isCloseTo(c.expectedDouble("r2"), Offset.offset(1e-11));
    JsonNode mape = c.expected("mape");
    assertThat(report.percentageErrorRows()).isEqualTo(c.expected("mape_rows").longValue());
    assertThat(report.meanAbsolutePercentageError().isPresent()).isEqualTo(!mape.isNull());
    if (!mape.isNull()) {
      assertThat(report.meanAbsolutePercentageError().getAsDouble())
          .isCloseTo(mape.doubleValue(), tolerance(mape.doubleValue()));
    }
  }

  @Test
  void combine_twoParts_equalsOnePassWithinRounding() {
    SplittableRandom random = new SplittableRandom(11);
    double[] actual = new double[500];
    double[] predicted = new double[500];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = 1e5 + random.nextGaussian();
      predicted[i] = actual[i] + 0.3 * random.nextGaussian();
    }
    RegressionMetrics first = RegressionMetrics.create();
    RegressionMetrics second = RegressionMetrics.create();
    for (int i = 0; i < actual.length; i++) {
      (i < 180 ? first : second).accept(actual[i], predicted[i]);
    }

    RegressionReport combined = first.combine(second).report();
    RegressionReport onePass = RegressionMetrics.of(actual, predicted).report();

    assertThat(combined.size()).isEqualTo(onePass.size());
    assertThat(combined.meanAbsoluteError())
        .isCloseTo(onePass.meanAbsoluteError(), tolerance(onePass.meanAbsoluteError()));
    assertThat(combined.rSquared()).isCloseTo(onePass.rSquared(), Offset.offset(1e-11));
  }

  @Test
  void report_constantActual_givesRSquaredOneIfPerfectElseZero() {
    double[] constant = {4, 4, 4};

    RegressionReport perfect = RegressionMetrics.of(constant, constant).report();
    RegressionReport off = RegressionMetrics.of(constant, new double[] {4, 5, 4}).report();

    assertThat(perfect.rSquared()).isEqualTo(1.0);
    assertThat(off.rSquared()).isZero();
  }

  @Test
  void report_badInputOrEmpty_isRefused() {

    assertThatThrownBy(() -> RegressionMetrics.of(new double[] {1, Double.NaN}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actual value at index 1 is NaN");
    assertThatThrownBy(() -> RegressionMetrics.of(new double[] {1}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predicted values must number 1");
    assertThatThrownBy(() -> RegressionMetrics.create().accept(1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predicted value");
    assertThatThrownBy(() -> RegressionMetrics.create().report())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no predictions");
  }
}
