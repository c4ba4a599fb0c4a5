package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.detectors.drift.KolmogorovSmirnovTest.PValueMethod;
import io.vigil.detectors.drift.KolmogorovSmirnovTest.Result;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KolmogorovSmirnovTestTest extends TwoSampleTestContract {

  /** The tolerance: a p-value matches within 1e-9 relative or 1e-12 absolute. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private static final double ABSOLUTE_TOLERANCE = 1e-12;

  private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.withDefaults();

  @Override
  TwoSampleTestResult run(double[] reference, double[] current) {
    return KS.test(reference, current);
  }

  @Override
  double pValueForIdenticalSamples() {
    return 1.0;
  }

  @ParameterizedTest
  @MethodSource("numericCases")
  void test_referenceCase_matchesScipy(ReferenceCases.Case c) {
    double expectedStatistic = c.expected("ks").get("statistic").doubleValue();
    double expectedPValue = c.expected("ks").get("pvalue").doubleValue();

    Result result = KS.test(c.reference(), c.current());

    assertThat(result.statistic()).isEqualTo(expectedStatistic);
    assertPValue(result.pValue(), expectedPValue);
  }

  @ParameterizedTest
  @MethodSource("numericCases")
  void test_swappedSamples_giveTheSameResult(ReferenceCases.Case c) {
    Result forward = KS.test(c.reference(), c.current());

    Result backward = KS.test(c.current(), c.reference());

    assertThat(backward).isEqualTo(forward);
  }

  @ParameterizedTest
  @MethodSource("numericCases")
  void test_anyReferenceCase_staysInTheUnitIntervalAndReportsTheMethodUsed(ReferenceCases.Case c) {
    int largest = Math.max(c.reference().length, c.current().length);

    Result result = KS.test(c.reference(), c.current());

    assertThat(result.statistic()).isBetween(0.0, 1.0);
    assertThat(result.pValue()).isBetween(0.0, 1.0);
    assertThat(result.method()).isNotEqualTo(PValueMethod.AUTO);
    if (largest > 10_000) {
      assertThat(result.method()).isEqualTo(PValueMethod.ASYMPTOTIC);
    }
  }

  @Test
  void with_anyMethod_returnsANewTestAndLeavesTheDefaultsUnchanged() {
    double[] reference = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] current = {2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5};

    KolmogorovSmirnovTest asymptotic = KS.with(PValueMethod.ASYMPTOTIC);

    assertThat(asymptotic).isNotSameAs(KS);
    assertThat(asymptotic.test(reference, current).method()).isEqualTo(PValueMethod.ASYMPTOTIC);
    assertThat(KS.test(reference, current).method()).isEqualTo(PValueMethod.EXACT);
  }

  @Test
  void test_auto_isExactUpTo10000ObservationsAndAsymptoticAbove() {
    Random random = new Random(3);
    double[] small = normal(random, 10_000, 0);
    double[] large = normal(random, 10_001, 0);

    Result exact = KS.test(small, normal(random, 50, 0));
    Result asymptotic = KS.test(large, normal(random, 50, 0));

    assertThat(exact.method()).isEqualTo(PValueMethod.EXACT);
    assertThat(asymptotic.method()).isEqualTo(PValueMethod.ASYMPTOTIC);
  }

  @Test
  void test_exactSumLeavingTheUnitInterval_fallsBackToAsymptoticLikeScipy() {
    // python3 -c "import numpy as np; from scipy import stats;
    //   print(stats.ks_2samp(np.arange(5.0), np.arange(5.0) + 0.5))"
    // -> statistic 0.2, pvalue 1.0, with "Exact calculation unsuccessful" (the sum is 1 + 2^-52)
    double[] reference = {0, 1, 2, 3, 4};
    double[] current = {0.5, 1.5, 2.5, 3.5, 4.5};

    Result result = KS.test(reference, current);

    assertThat(result).isEqualTo(new Result(0.2, 1.0, PValueMethod.ASYMPTOTIC));
  }

  @Test
  void test_exactMethodAbove10000_matchesScipyExact() {
    // python3 -c "import numpy as np; from scipy import stats;
    //   r = stats.ks_2samp(np.arange(12000) / 12000, np.arange(11000) / 11000 + 0.01,
    //   method='exact'); print(repr(r.statistic), repr(r.pvalue))"
    // (method='auto' gives the asymptotic 0.6002052858677482)
    double[] reference = grid(12_000, 12_000, 0);
    double[] current = grid(11_000, 11_000, 0.01);

    Result exact = KS.with(PValueMethod.EXACT).test(reference, current);
    Result auto = KS.test(reference, current);

    assertThat(exact.statistic()).isEqualTo(0.010083333333333333);
    assertPValue(exact.pValue(), 0.5993793057337021);
    assertThat(exact.method()).isEqualTo(PValueMethod.EXACT);
    assertPValue(auto.pValue(), 0.6002052858677482);
  }

  @Test
  void test_exactMethodWithLcmBeyond32Bits_fallsBackToAsymptoticLikeScipy() {
    // python3 -c "import numpy as np; from scipy import stats;
    //   r = stats.ks_2samp(np.arange(50000) / 50000, np.arange(49999) / 49999 + 0.003,
    //   method='exact'); print(repr(r.statistic), repr(r.pvalue))"
    // -> "Exact ks_2samp calculation not possible with samples sizes 50000 and 49999"
    double[] reference = grid(50_000, 50_000, 0);
    double[] current = grid(49_999, 49_999, 0.003);

    Result result = KS.with(PValueMethod.EXACT).test(reference, current);

    assertThat(result.statistic()).isEqualTo(0.003019999599992);
    assertPValue(result.pValue(), 0.9760339932995205);
    assertThat(result.method()).isEqualTo(PValueMethod.ASYMPTOTIC);
  }

  @Test
  void test_asymptoticSmallSamples_matchScipyAsymp() {
    // python3 -c "import numpy as np; from scipy import stats;
    //   print(stats.ks_2samp(np.arange(30.0), np.arange(40.0) + 3.5, method='asymp'))"
    // Effective size round(30*40/70) = 17: Pomeranz's recursion (n d² = 2.08).
    double[] reference = grid(30, 1, 0);
    double[] current = grid(40, 1, 3.5);

    Result result = KS.with(PValueMethod.ASYMPTOTIC).test(reference, current);

    assertThat(result.statistic()).isEqualTo(0.35);
    assertPValue(result.pValue(), 0.022920046948180395);
  }

  @Test
  void test_smallAgainstLargeSample_usesTheSmallSampleAsymptoticLikeScipy() {
    // python3 -c "import numpy as np; from scipy import stats;
    //   print(stats.ks_2samp(np.arange(100.0), np.arange(20000.0) / 200 + 4.25))"
    // Effective size round(99.5) = 100 (half to even): Durbin's matrix (n d² = 0.275).
    double[] reference = grid(100, 1, 0);
    double[] current = grid(20_000, 200, 4.25);

    Result result = KS.test(reference, current);

    assertThat(result.statistic()).isEqualTo(0.05245000000000011);
    assertPValue(result.pValue(), 0.9325155632034081);
    assertThat(result.method()).isEqualTo(PValueMethod.ASYMPTOTIC);
  }

  @Test
  void test_singleObservationsAsymptotic_returnsOneWhereScipyReturnsNaN() {
    // scipy: ks_2samp([1.], [2.], method='asymp') -> pvalue nan (kstwo with n = round(0.5) = 0).
    // D = 1 is then certain, so its p-value is 1.
    double[] reference = {1};
    double[] current = {2};

    Result result = KS.with(PValueMethod.ASYMPTOTIC).test(reference, current);

    assertThat(result).isEqualTo(new Result(1.0, 1.0, PValueMethod.ASYMPTOTIC));
  }

  @Test
  void statistic_sortedSamples_equalsTheLargestGapBetweenTheDistributionFunctions() {
    double[] reference = {-0.0, 1, 1, 2, 5};
    double[] current = {0.0, 1, 3, 4};

    double statistic = KolmogorovSmirnovTest.statistic(reference, current);

    // At t = 2: F = 4/5, G = 2/4.
    assertThat(statistic).isEqualTo(4.0 / 5 - 2.0 / 4);
  }

  @Test
  void statistic_emptySample_throwsNamingTheSample() {
    double[] empty = {};

    assertThatThrownBy(() -> KolmogorovSmirnovTest.statistic(new double[] {1}, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current");
  }

  @Test
  void test_millionObservationsEach_matchesScipy() {
    // python3 -c "import numpy as np; from scipy import stats; i = np.arange(10**6)
    //   r = stats.ks_2samp(i * 7919 % 10**6 / 1e6, i * 104729 % 10**6 / 1e6 * 1.0025)
    //   print(repr(r.statistic), repr(r.pvalue))"
    // Speed is measured by bench/drift_vs_scipy.py, never asserted in a test.
    double[] reference = permutedGrid(1_000_000, 7919, 1);
    double[] current = permutedGrid(1_000_000, 104_729, 1.0025);

    Result result = KS.test(reference, current);

    assertThat(result.statistic()).isEqualTo(0.0024940000000001072);
    assertPValue(result.pValue(), 0.0039717148630795986);
    assertThat(result.method()).isEqualTo(PValueMethod.ASYMPTOTIC);
  }

  private static void assertPValue(double actual, double expected) {
    double tolerance = Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(expected));
    assertThat(actual).isCloseTo(expected, within(tolerance));
  }

  /** {@code offset + i / divisor} for {@code i < size}, as numpy's {@code arange(size) / d + o}. */
  private static double[] grid(int size, double divisor, double offset) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = i / divisor + offset;
    }
    return values;
  }

  /** {@code (i · step mod size) / size · scale}: every grid point once, in scrambled order. */
  private static double[] permutedGrid(int size, long step, double scale) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = (i * step % size) / (double) size * scale;
    }
    return values;
  }

  private static double[] normal(Random random, int size, double mean) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = mean + random.nextGaussian();
    }
    return values;
  }
}
