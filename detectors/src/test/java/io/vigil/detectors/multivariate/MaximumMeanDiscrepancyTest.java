package io.vigil.detectors.multivariate;

import static io.vigil.detectors.multivariate.MultivariateSamples.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.vigil.detectors.multivariate.MaximumMeanDiscrepancy.Estimator;
import io.vigil.detectors.multivariate.MaximumMeanDiscrepancy.Result;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MaximumMeanDiscrepancyTest {

  /** The tolerance for the statistic and the bandwidth against numpy: 1e-9 relative. */
  private static final double RELATIVE_PERCENT = 1e-7;

  private static final MaximumMeanDiscrepancy QUADRATIC =
      MaximumMeanDiscrepancy.withDefaults().with(Estimator.UNBIASED_QUADRATIC);

  static Stream<MmdReferenceCases.Case> cases() {
    return MmdReferenceCases.cases();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void test_referenceCase_matchesNumpyStatisticAndBandwidth(MmdReferenceCases.Case c) {
    Result result = QUADRATIC.withPermutations(1).test(c.reference(), c.current());

    assertThat(result.bandwidth())
        .isCloseTo(c.expected("bandwidth"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.statistic())
        .isCloseTo(c.expected("mmd2"), withinPercentage(RELATIVE_PERCENT));
    assertThat(result.estimator()).isEqualTo(Estimator.UNBIASED_QUADRATIC);
  }

  @Test
  void test_identicalDistributions_rejectAtAboutTheNominalRate() {
    SplittableRandom random = new SplittableRandom(11);
    MaximumMeanDiscrepancy test = QUADRATIC.withPermutations(99);
    int runs = 400;
    int rejections = 0;
    int belowHalf = 0;

    for (int r = 0; r < runs; r++) {
      Result result = test.withSeed(r).test(normal(random, 40, 3, 0), normal(random, 40, 3, 0));
      rejections += result.pValue() <= 0.05 ? 1 : 0;
      belowHalf += result.pValue() <= 0.5 ? 1 : 0;
    }

    // Binomial(400, 0.05): mean 20, sd 4.4; the bounds are about 3 sd either side.
    assertThat(rejections).isBetween(8, 34);
    // Binomial(400, 0.5): mean 200, sd 10.
    assertThat(belowHalf).isBetween(170, 230);
  }

  @Test
  void test_clearShift_givesTheSmallestPossiblePValue() {
    SplittableRandom random = new SplittableRandom(12);
    double[][] reference = normal(random, 100, 4, 0);
    double[][] current = normal(random, 120, 4, 1);

    Result result = QUADRATIC.withPermutations(199).test(reference, current);

    assertThat(result.pValue()).isEqualTo(1.0 / 200);
    assertThat(result.statistic()).isPositive();
  }

  @Test
  void test_identicalSamples_giveANegativeStatisticAndNoEvidence() {
    double[][] sample = normal(new SplittableRandom(13), 80, 3, 0);

    Result result = QUADRATIC.test(sample, sample.clone());

    assertThat(result.statistic()).isNegative();
    assertThat(result.pValue()).isGreaterThan(0.9);
  }

  @Test
  void test_sameSeed_givesTheSameResult() {
    SplittableRandom random = new SplittableRandom(14);
    double[][] reference = normal(random, 60, 2, 0);
    double[][] current = normal(random, 50, 2, 0.3);

    Result first = QUADRATIC.withSeed(7).test(reference, current);
    Result second = QUADRATIC.withSeed(7).test(reference, current);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void test_swappedSamples_giveTheSameStatistic() {
    SplittableRandom random = new SplittableRandom(15);
    double[][] reference = normal(random, 70, 3, 0);
    double[][] current = normal(random, 40, 3, 0.5);

    Result forward = QUADRATIC.test(reference, current);
    Result backward = QUADRATIC.test(current, reference);

    assertThat(backward.statistic()).isCloseTo(forward.statistic(), withinPercentage(1e-10));
    assertThat(backward.bandwidth()).isEqualTo(forward.bandwidth());
  }

  @Test
  void test_inputs_areNotModified() {
    SplittableRandom random = new SplittableRandom(16);
    double[][] reference = normal(random, 30, 2, 0);
    double[][] current = normal(random, 20, 2, 1);
    double[][] referenceBefore = deepCopy(reference);
    double[][] currentBefore = deepCopy(current);

    MaximumMeanDiscrepancy.withDefaults().test(reference, current);
    MaximumMeanDiscrepancy.withDefaults().with(Estimator.LINEAR_TIME).test(reference, current);

    assertThat(reference).isDeepEqualTo(referenceBefore);
    assertThat(current).isDeepEqualTo(currentBefore);
  }

  @Test
  void test_auto_usesTheQuadraticEstimatorUpTo4000PooledRowsAndTheLinearOneAbove() {
    SplittableRandom random = new SplittableRandom(17);
    MaximumMeanDiscrepancy auto = MaximumMeanDiscrepancy.withDefaults().withPermutations(1);

    Result small = auto.test(normal(random, 20, 1, 0), normal(random, 30, 1, 0));
    Result large = auto.test(normal(random, 2001, 1, 0), normal(random, 2000, 1, 0));

    assertThat(small.estimator()).isEqualTo(Estimator.UNBIASED_QUADRATIC);
    assertThat(large.estimator()).isEqualTo(Estimator.LINEAR_TIME);
  }

  @Test
  void test_fixedBandwidth_isUsedInsteadOfTheMedianHeuristic() {
    SplittableRandom random = new SplittableRandom(18);

    Result result =
        QUADRATIC.withBandwidth(0.75).test(normal(random, 10, 2, 0), normal(random, 10, 2, 0));

    assertThat(result.bandwidth()).isEqualTo(0.75);
  }

  @Test
  void test_badSamples_areRefusedNamingSampleRowAndColumn() {
    double[][] clean = normal(new SplittableRandom(19), 10, 3, 0);
    double[][] nonFinite = deepCopy(clean);
    nonFinite[4][2] = Double.NaN;
    double[][] ragged = deepCopy(clean);
    ragged[6] = new double[2];
    MaximumMeanDiscrepancy test = MaximumMeanDiscrepancy.withDefaults();

    assertThatThrownBy(() -> test.test(clean, nonFinite))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current")
        .hasMessageContaining("row 4, column 2");
    assertThatThrownBy(() -> test.test(ragged, clean))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference")
        .hasMessageContaining("row 6 has 2 columns");
    assertThatThrownBy(() -> test.test(new double[0][], clean))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference sample is empty");
    assertThatThrownBy(() -> test.test(clean, normal(new SplittableRandom(20), 10, 4, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same dimension");
  }

  @Test
  void test_tooFewRowsOrDegenerateBandwidth_areRefused() {
    double[][] one = {{1.0}};
    double[][] three = {{1.0}, {2.0}, {3.0}};
    double[][] constant = {{1.0, 1.0}, {1.0, 1.0}, {1.0, 1.0}};

    assertThatThrownBy(() -> QUADRATIC.test(three, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current sample has 1 rows");
    assertThatThrownBy(
            () ->
                MaximumMeanDiscrepancy.withDefaults()
                    .with(Estimator.LINEAR_TIME)
                    .test(three, three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linear-time estimator needs 4");
    assertThatThrownBy(() -> QUADRATIC.test(constant, constant))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("median pairwise distance");
  }

  @Test
  void configuration_outOfRangeValues_areRefused() {
    MaximumMeanDiscrepancy test = MaximumMeanDiscrepancy.withDefaults();

    assertThatThrownBy(() -> test.withPermutations(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> test.withBandwidth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> test.withBandwidth(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void result_outOfRangeFigures_areRefused() {
    assertThatThrownBy(() -> new Result(0.1, 1.5, 1, Estimator.LINEAR_TIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pValue");
    assertThatThrownBy(() -> new Result(0.1, 0.5, 1, Estimator.AUTO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AUTO");
    assertThatThrownBy(() -> new Result(Double.NaN, 0.5, 1, Estimator.LINEAR_TIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statistic");
  }

  static double[][] deepCopy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }
}
