package io.vigil.detectors.performance;

import static io.vigil.detectors.performance.PerformanceReference.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.performance.PairedAccuracyComparison.Method;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccuracyComparisonTest {

  static Stream<PerformanceReference.Case> twoProportionCases() {
    return PerformanceReference.cases("two_proportion");
  }

  static Stream<PerformanceReference.Case> mcnemarCases() {
    return PerformanceReference.cases("mcnemar");
  }

  @ParameterizedTest
  @MethodSource("twoProportionCases")
  void independent_referenceCase_matchesNewcombeAndZTest(PerformanceReference.Case c) {
    long correctA = c.json().get("successes_a").longValue();
    long totalA = c.json().get("total_a").longValue();
    long correctB = c.json().get("successes_b").longValue();
    long totalB = c.json().get("total_b").longValue();

    IndependentAccuracyComparison.Result result =
        IndependentAccuracyComparison.withDefaults().compare(correctA, totalA, correctB, totalB);

    assertThat(result.difference().estimate())
        .isCloseTo(c.expectedDouble("difference"), tolerance(1));
    assertThat(result.difference().lower()).isCloseTo(c.expectedDouble("lower"), tolerance(1));
    assertThat(result.difference().upper()).isCloseTo(c.expectedDouble("upper"), tolerance(1));
    double z = c.expectedDouble("statistic");
    double p = c.expectedDouble("pvalue");
    assertThat(result.zStatistic()).isCloseTo(z, tolerance(z));
    assertThat(result.pValue()).isCloseTo(p, tolerance(p));
  }

  @Test
  void independent_newcombesPublishedExample_givesHisInterval() {

    ConfidenceInterval difference =
        IndependentAccuracyComparison.withDefaults().compare(56, 70, 48, 80).difference();

    // Newcombe (1998), Table II, 56/70 − 48/80, method 10: 0.0524 to 0.3339 (4 decimals printed)
    assertThat(difference.lower()).isCloseTo(0.0524, Offset.offset(5e-5));
    assertThat(difference.upper()).isCloseTo(0.3339, Offset.offset(5e-5));
  }

  @ParameterizedTest
  @MethodSource("mcnemarCases")
  void paired_referenceCase_matchesEveryMethodAndNewcombeInterval(PerformanceReference.Case c) {
    long a = c.json().get("both_correct").longValue();
    long b = c.json().get("only_a").longValue();
    long cc = c.json().get("only_b").longValue();
    long d = c.json().get("both_wrong").longValue();
    PairedAccuracyComparison comparison = PairedAccuracyComparison.withDefaults();

    PairedAccuracyComparison.Result exact = comparison.with(Method.EXACT).compare(a, b, cc, d);
    PairedAccuracyComparison.Result midP = comparison.with(Method.MID_P).compare(a, b, cc, d);
    PairedAccuracyComparison.Result chi = comparison.with(Method.CHI_SQUARE).compare(a, b, cc, d);
    PairedAccuracyComparison.Result auto = comparison.compare(a, b, cc, d);

    // binomial and chi-square tails from commons-statistics: a few ulps relative to scipy
    assertThat(exact.pValue()).isCloseTo(c.expectedDouble("exact"), tolerance(1));
    assertThat(midP.pValue()).isCloseTo(c.expectedDouble("mid_p"), tolerance(1));
    assertThat(chi.pValue()).isCloseTo(c.expectedDouble("chi_square_pvalue"), tolerance(1));
    assertThat(auto.method()).isEqualTo(b + cc < 25 ? Method.EXACT : Method.CHI_SQUARE);
    ConfidenceInterval difference = auto.difference();
    assertThat(difference.estimate()).isCloseTo(c.expectedDouble("difference"), tolerance(1));
    assertThat(difference.lower()).isCloseTo(c.expectedDouble("lower"), tolerance(1));
    assertThat(difference.upper()).isCloseTo(c.expectedDouble("upper"), tolerance(1));
  }

  @Test
  void paired_labelArrays_countTheDiscordantPairs() {
    int[] actual = {0, 1, 1, 0, 2, 2, 1, 0};
    int[] predictedA = {0, 1, 0, 0, 2, 1, 1, 1};
    int[] predictedB = {0, 0, 1, 1, 2, 1, 0, 1};

    PairedAccuracyComparison.Result fromLabels =
        PairedAccuracyComparison.withDefaults().compare(actual, predictedA, predictedB);
    // a = 2 (rows 0, 4), b = 3 (rows 1, 3, 6), c = 1 (row 2), d = 2 (rows 5, 7)
    PairedAccuracyComparison.Result fromCounts =
        PairedAccuracyComparison.withDefaults().compare(2, 3, 1, 2);

    assertThat(fromLabels).isEqualTo(fromCounts);
    assertThat(fromLabels.difference().estimate()).isEqualTo(0.25);
  }

  @Test
  void compare_badInput_isRefused() {
    PairedAccuracyComparison paired = PairedAccuracyComparison.withDefaults();

    assertThatThrownBy(() -> paired.compare(0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all 0");
    assertThatThrownBy(() -> paired.compare(1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-negative");
    assertThatThrownBy(() -> paired.compare(new int[] {1, 2}, new int[] {1}, new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predicted A has 1 rows");
    assertThatThrownBy(() -> IndependentAccuracyComparison.withDefaults().compare(3, 2, 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("successes must be in [0, 2]");
  }
}
