package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AndersonDarlingTestTest extends TwoSampleTestContract {

  /** The tolerance for the statistic and the significance level. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  /** Below this magnitude the statistic is compared absolutely, within 1e-9. */
  private static final double NEAR_ZERO = 1.0;

  private static final AndersonDarlingTest TEST = AndersonDarlingTest.withDefaults();

  @Override
  TwoSampleTestResult run(double[] reference, double[] current) {
    return TEST.test(reference, current);
  }

  @Override
  double pValueForIdenticalSamples() {
    return 0.25; // the largest significance level scipy reports
  }

  // Three samples with ties across them, from the command in testList_threeSamples_matchesScipy.
  private static final double THREE_SAMPLE_STATISTIC = 4.276752215603453;
  private static final double THREE_SAMPLE_SIGNIFICANCE = 0.00399431007367529;
  private static final double[] THREE_SAMPLE_CRITICAL = {
    0.44925883860929594,
    1.3052766952966366,
    1.9434183976444794,
    2.576965691583343,
    3.4163485553218895,
    4.072100430724998,
    5.564191013989369
  };

  @ParameterizedTest
  @MethodSource("numericCases")
  void test_scipyReferenceCase_matchesScipy(ReferenceCases.Case c) {
    JsonNode expected = c.expected("anderson_darling");
    if (c.scipyRefused("anderson_darling")) {
      assertThatThrownBy(() -> TEST.test(c.reference(), c.current()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("distinct");
      return;
    }

    AndersonDarlingTest.Result result = TEST.test(c.reference(), c.current());

    double statistic = expected.get("statistic").doubleValue();
    double significance = expected.get("significance_level").doubleValue();
    assertThat(result.statistic())
        .isCloseTo(
            statistic, within(RELATIVE_TOLERANCE * Math.max(Math.abs(statistic), NEAR_ZERO)));
    assertThat(result.pValue()).isCloseTo(significance, within(RELATIVE_TOLERANCE * significance));
    assertThat(result.criticalValues())
        .containsExactly(ReferenceCases.doubles(expected.get("critical_values")), within(1e-12));
  }

  @Test
  void test_strongShift_floorsThePValueAtTheTableEnd() {
    Random random = new Random(17);

    AndersonDarlingTest.Result result = TEST.test(normal(random, 500, 0), normal(random, 500, 2));

    assertThat(result.pValue()).isEqualTo(0.001);
  }

  @Test
  void test_twoSamplesManySeeds_keepsThePValueWithinTheTable() {
    Random random = new Random(19);

    for (int run = 0; run < 200; run++) {
      double shift = random.nextDouble() * 0.6;
      AndersonDarlingTest.Result result =
          TEST.test(normal(random, 40, 0), normal(random, 30, shift));

      // For two samples the interpolating quadratic stays inside [0.001, 0.25] between the
      // table's ends; with more samples scipy's fit strays slightly beyond them.
      assertThat(result.pValue()).isBetween(0.001, 0.25);
    }
  }

  @Test
  void testList_threeSamples_matchesScipy() {
    // python3 -c "from scipy import stats; r = stats.anderson_ksamp([[1, 2, 3, 4, 5],
    //   [2.5, 3.5, 6, 7, 8, 9], [0, 1, 1, 2]], midrank=True); print(r.statistic,
    //   r.significance_level, list(r.critical_values))"   # scipy 1.17.1
    List<double[]> samples =
        List.of(
            new double[] {1, 2, 3, 4, 5},
            new double[] {2.5, 3.5, 6, 7, 8, 9},
            new double[] {0, 1, 1, 2});

    AndersonDarlingTest.Result result = TEST.test(samples);

    assertThat(result.statistic()).isCloseTo(THREE_SAMPLE_STATISTIC, within(1e-12));
    assertThat(result.pValue()).isCloseTo(THREE_SAMPLE_SIGNIFICANCE, within(1e-12));
    assertThat(result.criticalValues()).containsExactly(THREE_SAMPLE_CRITICAL, within(1e-12));
  }

  @Test
  void testList_oneSample_throws() {
    List<double[]> samples = List.of(new double[] {1, 2, 3});

    assertThatThrownBy(() -> TEST.test(samples))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two samples");
  }

  @Test
  void testList_badSample_namesItsIndex() {
    List<double[]> samples =
        List.of(new double[] {1, 2, 3}, new double[] {4, 5}, new double[] {1, Double.NaN});

    assertThatThrownBy(() -> TEST.test(samples))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample 2");
  }

  @Test
  void test_singleDistinctValue_throws() {
    assertThatThrownBy(() -> TEST.test(new double[] {2, 2, 2}, new double[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than one distinct value");
  }

  @Test
  void test_fewerThanFourValues_throws() {
    assertThatThrownBy(() -> TEST.test(new double[] {1}, new double[] {2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4 values");
  }

  @Test
  void criticalValues_modifyingTheReturnedArray_leavesTheResultUnchanged() {
    AndersonDarlingTest.Result result = TEST.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    double first = result.criticalValues()[0];

    result.criticalValues()[0] = -1;

    assertThat(result.criticalValues()[0]).isEqualTo(first);
  }

  private static double[] normal(Random random, int size, double mean) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = mean + random.nextGaussian();
    }
    return values;
  }
}
