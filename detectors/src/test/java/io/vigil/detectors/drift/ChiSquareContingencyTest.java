package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.detectors.drift.ChiSquareTest.ContinuityCorrection;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ChiSquareContingencyTest {

  /** The tolerance for the statistic and the p-value. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  /** p-values this close to 0 are compared absolutely. */
  private static final double ABSOLUTE_TOLERANCE = 1e-12;

  private static final ChiSquareTest YATES = ChiSquareTest.withDefaults();

  private static final ChiSquareTest UNCORRECTED =
      ChiSquareTest.withDefaults().with(ContinuityCorrection.NONE);

  static Stream<ReferenceCases.Case> categoricalCases() {
    return ReferenceCases.ofKind("categorical");
  }

  @ParameterizedTest
  @MethodSource("categoricalCases")
  void test_defaultsOnScipyReferenceCase_matchChi2ContingencyWithCorrection(ReferenceCases.Case c) {
    long[] reference = c.referenceCounts();
    long[] current = c.currentCounts();

    assertMatchesScipy(YATES, reference, current, c, "chi_square");
  }

  @ParameterizedTest
  @MethodSource("categoricalCases")
  void test_noCorrectionOnScipyReferenceCase_matchesChi2ContingencyWithoutCorrection(
      ReferenceCases.Case c) {
    long[] reference = c.referenceCounts();
    long[] current = c.currentCounts();

    assertMatchesScipy(UNCORRECTED, reference, current, c, "chi_square_no_correction");
  }

  static Stream<ReferenceCases.Case> testableCategoricalCases() {
    return categoricalCases().filter(c -> !c.scipyRefused("chi_square"));
  }

  @ParameterizedTest
  @MethodSource("testableCategoricalCases")
  void test_swappedSamples_giveTheSameResult(ReferenceCases.Case c) {
    long[] reference = c.referenceCounts();
    long[] current = c.currentCounts();

    ChiSquareTest.Result forward = YATES.test(reference, current);
    ChiSquareTest.Result swapped = YATES.test(current, reference);

    assertThat(swapped.statistic())
        .isCloseTo(forward.statistic(), within(1e-14 * forward.statistic()));
    assertThat(swapped.pValue()).isCloseTo(forward.pValue(), within(1e-14));
    assertThat(swapped.degreesOfFreedom()).isEqualTo(forward.degreesOfFreedom());
  }

  @ParameterizedTest
  @EnumSource(ContinuityCorrection.class)
  void test_identicalCounts_giveStatisticZeroAndPValueOne(ContinuityCorrection correction) {
    long[] counts = {40, 30, 20, 10};

    ChiSquareTest.Result result = YATES.with(correction).test(counts, counts.clone());

    assertThat(result.statistic()).isZero();
    assertThat(result.pValue()).isEqualTo(1.0);
    assertThat(result.degreesOfFreedom()).isEqualTo(3);
  }

  @Test
  void test_proportionalCounts_giveStatisticZeroAndPValueOne() {
    long[] reference = {400, 300, 200, 100};
    long[] current = {4, 3, 2, 1};

    ChiSquareTest.Result result = UNCORRECTED.test(reference, current);

    assertThat(result.statistic()).isZero();
    assertThat(result.pValue()).isEqualTo(1.0);
  }

  @Test
  void test_categoryEmptyInBothSamples_isDropped() {
    long[] withEmpty = {10, 0, 5};
    long[] currentWithEmpty = {8, 0, 9};

    ChiSquareTest.Result dropped = YATES.test(withEmpty, currentWithEmpty);
    ChiSquareTest.Result without = YATES.test(new long[] {10, 5}, new long[] {8, 9});

    assertThat(dropped).isEqualTo(without);
    assertThat(dropped.degreesOfFreedom()).isEqualTo(1);
  }

  @Test
  void test_yatesCorrection_appliesOnlyToOneDegreeOfFreedom() {
    long[] twoReference = {30, 10};
    long[] twoCurrent = {20, 20};
    long[] threeReference = {30, 10, 5};
    long[] threeCurrent = {20, 20, 5};

    double twoCorrected = YATES.test(twoReference, twoCurrent).statistic();
    double twoUncorrected = UNCORRECTED.test(twoReference, twoCurrent).statistic();
    double threeCorrected = YATES.test(threeReference, threeCurrent).statistic();
    double threeUncorrected = UNCORRECTED.test(threeReference, threeCurrent).statistic();

    assertThat(twoCorrected).isLessThan(twoUncorrected);
    assertThat(threeCorrected).isEqualTo(threeUncorrected);
  }

  @Test
  void test_countsNearOneBillion_giveFiniteResultMatchingTheClosedForm() {
    long[] reference = {1_000_000_000L, 1_000_000_000L};
    long[] current = {1_000_000_001L, 999_999_999L};

    ChiSquareTest.Result result = UNCORRECTED.test(reference, current);

    // X^2 = (R c_1 - M r_1)^2 (1/C_1 + 1/C_2) / (R M) = 4e9 / (4e18 - 1) = 1e-9 to 18 digits
    assertThat(result.statistic()).isCloseTo(1e-9, within(1e-9 * 1e-14));
    assertThat(result.pValue()).isBetween(0.0, 1.0);
  }

  @Test
  void test_inputs_areNotModified() {
    long[] reference = {7, 0, 3, 9};
    long[] current = {2, 0, 8, 1};
    long[] referenceBefore = reference.clone();
    long[] currentBefore = current.clone();

    YATES.test(reference, current);

    assertThat(reference).containsExactly(referenceBefore);
    assertThat(current).containsExactly(currentBefore);
  }

  @Test
  void test_singleObservedCategory_throwsNamingTheCategoryCount() {
    long[] reference = {10, 0};
    long[] current = {12, 0};

    assertThatThrownBy(() -> YATES.test(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two categories");
  }

  @Test
  void test_misalignedCounts_throwNamingBothLengths() {
    long[] reference = {1, 2, 3};
    long[] current = {1, 2};

    assertThatThrownBy(() -> YATES.test(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference has 3 categories but current has 2");
  }

  @Test
  void test_negativeCount_throwsNamingTheIndex() {
    long[] reference = {1, 2, 3};
    long[] current = {1, -2, 3};

    assertThatThrownBy(() -> YATES.test(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current count at index 1 is negative");
  }

  @Test
  void test_emptySample_throwsNamingTheSample() {
    long[] reference = {0, 0, 0};
    long[] current = {1, 2, 3};

    assertThatThrownBy(() -> YATES.test(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference sample is empty");
  }

  @Test
  void test_totalBeyondLongRange_throwsNamingTheSample() {
    long[] reference = {Long.MAX_VALUE, 1};
    long[] current = {1, 1};

    assertThatThrownBy(() -> YATES.test(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference total count exceeds");
  }

  private static void assertMatchesScipy(
      ChiSquareTest test, long[] reference, long[] current, ReferenceCases.Case c, String key) {
    JsonNode expected = c.expected(key);
    if (expected.has("error")) {
      assertThatThrownBy(() -> test.test(reference, current))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    ChiSquareTest.Result result = test.test(reference, current);

    double statistic = expected.get("statistic").doubleValue();
    double pValue = expected.get("pvalue").doubleValue();
    assertThat(result.statistic())
        .isCloseTo(statistic, within(Math.max(RELATIVE_TOLERANCE * statistic, ABSOLUTE_TOLERANCE)));
    assertThat(result.pValue())
        .isCloseTo(pValue, within(Math.max(RELATIVE_TOLERANCE * pValue, ABSOLUTE_TOLERANCE)));
    assertThat(result.degreesOfFreedom()).isEqualTo(expected.get("dof").intValue());
  }
}
