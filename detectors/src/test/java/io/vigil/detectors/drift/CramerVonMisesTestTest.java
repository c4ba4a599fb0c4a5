package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.detectors.drift.CramerVonMisesTest.PValueMethod;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CramerVonMisesTestTest extends TwoSampleTestContract {

  /** The tolerance for the statistic and the p-value. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  /** p-values this close to 0 are compared absolutely. */
  private static final double ABSOLUTE_TOLERANCE = 1e-12;

  /** scipy's {@code method='auto'} uses the exact p-value up to this sample size. */
  private static final int EXACT_MAX_SIZE = 20;

  private static final CramerVonMisesTest TEST = CramerVonMisesTest.withDefaults();

  @Override
  TwoSampleTestResult run(double[] reference, double[] current) {
    return TEST.test(reference, current);
  }

  @Override
  double pValueForIdenticalSamples() {
    return 1.0;
  }

  @ParameterizedTest
  @MethodSource("numericCases")
  void test_scipyReferenceCase_matchesScipy(ReferenceCases.Case c) {
    JsonNode expected = c.expected("cramer_von_mises");
    double[] reference = c.reference();
    double[] current = c.current();

    CramerVonMisesTest.Result result = TEST.test(reference, current);

    double statistic = expected.get("statistic").doubleValue();
    double pValue = expected.get("pvalue").doubleValue();
    assertThat(result.statistic())
        .isCloseTo(statistic, within(Math.max(RELATIVE_TOLERANCE * statistic, ABSOLUTE_TOLERANCE)));
    assertThat(result.pValue())
        .isCloseTo(pValue, within(Math.max(RELATIVE_TOLERANCE * pValue, ABSOLUTE_TOLERANCE)));
    assertThat(result.method())
        .isEqualTo(
            Math.max(reference.length, current.length) <= EXACT_MAX_SIZE
                ? PValueMethod.EXACT
                : PValueMethod.ASYMPTOTIC);
  }

  @Test
  void test_exactMethod_matchesScipy() {
    // python3 -c "from scipy import stats; r = stats.cramervonmises_2samp([0.3, 1.1, -0.4, 2.0,
    //   0.9, 1.5, -1.2], [0.1, 2.2, 3.1, 1.9, 2.8, 0.7], method='exact'); print(r)"  # scipy 1.17.1
    double[] reference = {0.3, 1.1, -0.4, 2.0, 0.9, 1.5, -1.2};
    double[] current = {0.1, 2.2, 3.1, 1.9, 2.8, 0.7};

    CramerVonMisesTest.Result result = TEST.with(PValueMethod.EXACT).test(reference, current);

    assertThat(result.statistic()).isCloseTo(0.2948717948717947, within(1e-15));
    assertThat(result.pValue()).isCloseTo(0.1561771561771562, within(1e-15));
    assertThat(result.method()).isEqualTo(PValueMethod.EXACT);
  }

  @Test
  void test_asymptoticMethodOnSmallSamples_matchesScipy() {
    // Same command as test_exactMethod_matchesScipy with method='asymptotic'.
    double[] reference = {0.3, 1.1, -0.4, 2.0, 0.9, 1.5, -1.2};
    double[] current = {0.1, 2.2, 3.1, 1.9, 2.8, 0.7};

    CramerVonMisesTest.Result result = TEST.with(PValueMethod.ASYMPTOTIC).test(reference, current);

    assertThat(result.pValue()).isCloseTo(0.14651886878277542, within(1e-13));
    assertThat(result.method()).isEqualTo(PValueMethod.ASYMPTOTIC);
  }

  @Test
  void test_exactMethodWithTies_matchesScipy() {
    // python3 -c "from scipy import stats; print(stats.cramervonmises_2samp([1, 1, 2, 2, 3, 3],
    //   [2, 3, 3, 4, 4, 5, 5], method='exact'))"  # scipy 1.17.1
    double[] reference = {1, 1, 2, 2, 3, 3};
    double[] current = {2, 3, 3, 4, 4, 5, 5};

    CramerVonMisesTest.Result result = TEST.with(PValueMethod.EXACT).test(reference, current);

    assertThat(result.statistic()).isCloseTo(0.5906593406593408, within(1e-15));
    assertThat(result.pValue()).isCloseTo(0.022144522144522144, within(1e-15));
  }

  @Test
  void test_exactMethodAboveTheAutoLimit_matchesScipy() {
    // python3 -c "from scipy import stats; print(stats.cramervonmises_2samp(list(range(30)),
    //   [v + 0.5 for v in range(25)], method='exact'))"  # scipy 1.17.1
    double[] reference = new double[30];
    double[] current = new double[25];
    for (int i = 0; i < reference.length; i++) {
      reference[i] = i;
    }
    for (int i = 0; i < current.length; i++) {
      current[i] = i + 0.5;
    }

    CramerVonMisesTest.Result result = TEST.with(PValueMethod.EXACT).test(reference, current);

    assertThat(result.statistic()).isCloseTo(0.0969696969696976, within(1e-13));
    assertThat(result.pValue()).isCloseTo(0.6168137351073032, within(1e-14));
  }

  @ParameterizedTest
  @EnumSource(PValueMethod.class)
  void test_identicalSamples_givesNoEvidenceOfDrift(PValueMethod method) {
    double[] sample = normal(new Random(3), 15, 0);

    CramerVonMisesTest.Result result = TEST.with(method).test(sample, sample.clone());

    assertThat(result.statistic()).isZero();
    assertThat(result.pValue()).isEqualTo(1.0);
  }

  @Test
  void test_swappedSmallSamples_givesTheSameExactResult() {
    Random random = new Random(6);
    double[] reference = normal(random, 9, 0);
    double[] current = normal(random, 14, 0.5);

    CramerVonMisesTest.Result forward = TEST.test(reference, current);
    CramerVonMisesTest.Result backward = TEST.test(current, reference);

    assertThat(backward).isEqualTo(forward);
  }

  @ParameterizedTest
  @EnumSource(
      value = PValueMethod.class,
      names = {"EXACT", "ASYMPTOTIC"})
  void test_manySeeds_keepsThePValueInTheUnitInterval(PValueMethod method) {
    Random random = new Random(9);

    for (int run = 0; run < 100; run++) {
      double shift = random.nextDouble() * 3;
      CramerVonMisesTest.Result result =
          TEST.with(method).test(normal(random, 8, 0), normal(random, 11, shift));

      assertThat(result.pValue()).isBetween(0.0, 1.0);
      assertThat(result.statistic()).isNotNegative();
    }
  }

  @Test
  void test_disjointLargeSamples_givesAVanishingPValue() {
    Random random = new Random(10);

    CramerVonMisesTest.Result result =
        TEST.test(normal(random, 5000, 0), normal(random, 5000, 100));

    assertThat(result.pValue()).isBetween(0.0, 1e-4);
  }

  @Test
  void with_returnsANewInstanceAndLeavesTheDefaultsAlone() {
    double[] reference = {1, 2, 3, 4};
    double[] current = {2.5, 5, 6};

    CramerVonMisesTest asymptotic = TEST.with(PValueMethod.ASYMPTOTIC);

    assertThat(asymptotic).isNotSameAs(TEST);
    assertThat(TEST.test(reference, current).method()).isEqualTo(PValueMethod.EXACT);
  }

  @Test
  void test_exactMethodOnLargeCoprimeSizes_throwsInsteadOfOverflowing() {
    Random random = new Random(12);
    double[] reference = normal(random, 100_000, 0);
    double[] current = normal(random, 99_999, 0);
    CramerVonMisesTest exact = TEST.with(PValueMethod.EXACT);

    assertThatThrownBy(() -> exact.test(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asymptotic");
  }

  @Test
  void test_singleValueSample_throwsNamingIt() {
    assertThatThrownBy(() -> TEST.test(new double[] {1, 2, 3}, new double[] {4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current")
        .hasMessageContaining("at least 2");
  }

  private static double[] normal(Random random, int size, double mean) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = mean + random.nextGaussian();
    }
    return values;
  }
}
