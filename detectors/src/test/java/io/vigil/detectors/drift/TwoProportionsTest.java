package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.detectors.drift.ChiSquareTest.ContinuityCorrection;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TwoProportionsTest {

  /** The tolerance: relative, and absolute for values within 1 of 0. */
  private static final double TOLERANCE = 1e-12;

  private static final TwoProportionZTest TEST = TwoProportionZTest.withDefaults();

  static Stream<ReferenceCases.Case> binaryCases() {
    return ReferenceCases.ofKind("binary");
  }

  @ParameterizedTest
  @MethodSource("binaryCases")
  void test_scipyReferenceCase_matchesPooledZTest(ReferenceCases.Case c) {
    JsonNode json = c.json();
    long referenceSuccesses = json.get("reference").get("successes").longValue();
    long referenceTotal = json.get("reference").get("total").longValue();
    long currentSuccesses = json.get("current").get("successes").longValue();
    long currentTotal = json.get("current").get("total").longValue();

    TwoProportionZTest.Result result =
        TEST.test(referenceSuccesses, referenceTotal, currentSuccesses, currentTotal);

    double statistic = c.expected("z_test").get("statistic").doubleValue();
    double pValue = c.expected("z_test").get("pvalue").doubleValue();
    assertThat(result.statistic()).isCloseTo(statistic, tolerance(statistic));
    assertThat(result.pValue()).isCloseTo(pValue, tolerance(pValue));
  }

  @ParameterizedTest
  @MethodSource("binaryCases")
  void test_swappedSamples_negateTheStatisticAndKeepThePValue(ReferenceCases.Case c) {
    JsonNode json = c.json();
    long referenceSuccesses = json.get("reference").get("successes").longValue();
    long referenceTotal = json.get("reference").get("total").longValue();
    long currentSuccesses = json.get("current").get("successes").longValue();
    long currentTotal = json.get("current").get("total").longValue();

    TwoProportionZTest.Result forward =
        TEST.test(referenceSuccesses, referenceTotal, currentSuccesses, currentTotal);
    TwoProportionZTest.Result swapped =
        TEST.test(currentSuccesses, currentTotal, referenceSuccesses, referenceTotal);

    assertThat(swapped.statistic()).isEqualTo(-forward.statistic());
    assertThat(swapped.pValue()).isEqualTo(forward.pValue());
  }

  @ParameterizedTest
  @CsvSource({"0, 50, 0, 70", "40, 40, 30, 30", "7, 7, 1000, 1000"})
  void test_pooledProportionZeroOrOne_givesStatisticZeroAndPValueOne(
      long referenceSuccesses, long referenceTotal, long currentSuccesses, long currentTotal) {

    TwoProportionZTest.Result result =
        TEST.test(referenceSuccesses, referenceTotal, currentSuccesses, currentTotal);

    assertThat(result.statistic()).isZero();
    assertThat(result.pValue()).isEqualTo(1.0);
  }

  @Test
  void test_equalRates_giveStatisticZeroAndPValueOne() {
    long referenceSuccesses = 30;
    long currentSuccesses = 60;

    TwoProportionZTest.Result result = TEST.test(referenceSuccesses, 100, currentSuccesses, 200);

    assertThat(result.statistic()).isZero();
    assertThat(result.pValue()).isEqualTo(1.0);
  }

  @Test
  void test_higherReferenceRate_givesPositiveStatistic() {
    long referenceSuccesses = 60;
    long currentSuccesses = 40;

    TwoProportionZTest.Result result = TEST.test(referenceSuccesses, 100, currentSuccesses, 100);

    assertThat(result.statistic()).isPositive();
    assertThat(result.pValue()).isBetween(0.0, 1.0);
  }

  @ParameterizedTest
  @CsvSource({"12, 40, 25, 50", "0, 40, 30, 30", "4_999_000, 10_000_000, 5_001_000, 10_000_000"})
  void test_squaredStatistic_equalsUncorrectedChiSquare(
      long referenceSuccesses, long referenceTotal, long currentSuccesses, long currentTotal) {
    long[] reference = {referenceSuccesses, referenceTotal - referenceSuccesses};
    long[] current = {currentSuccesses, currentTotal - currentSuccesses};

    TwoProportionZTest.Result z =
        TEST.test(referenceSuccesses, referenceTotal, currentSuccesses, currentTotal);
    ChiSquareTest.Result chiSquare =
        ChiSquareTest.withDefaults().with(ContinuityCorrection.NONE).test(reference, current);

    double squared = z.statistic() * z.statistic();
    assertThat(squared).isCloseTo(chiSquare.statistic(), within(1e-13 * squared));
    assertThat(z.pValue()).isCloseTo(chiSquare.pValue(), within(1e-13));
  }

  @ParameterizedTest
  @CsvSource({"1, 0, 1, 10", "1, 10, 1, -5"})
  void test_nonPositiveTotal_throwsNamingTheSample(
      long referenceSuccesses, long referenceTotal, long currentSuccesses, long currentTotal) {

    assertThatThrownBy(
            () -> TEST.test(referenceSuccesses, referenceTotal, currentSuccesses, currentTotal))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("total must be positive");
  }

  @Test
  void test_successesAboveTotal_throwsNamingTheSample() {
    long referenceSuccesses = 11;

    assertThatThrownBy(() -> TEST.test(referenceSuccesses, 10, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference successes must be in [0, 10] but are 11");
  }

  @Test
  void test_negativeSuccesses_throwsNamingTheSample() {
    long currentSuccesses = -1;

    assertThatThrownBy(() -> TEST.test(1, 10, currentSuccesses, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current successes must be in [0, 10] but are -1");
  }

  private static Offset<Double> tolerance(double expected) {
    return within(TOLERANCE * Math.max(1, Math.abs(expected)));
  }
}
