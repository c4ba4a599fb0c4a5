package io.vigil.detectors.multivariate;

import static io.vigil.detectors.multivariate.MultivariateSamples.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.vigil.detectors.multivariate.MaximumMeanDiscrepancy.Estimator;
import io.vigil.detectors.multivariate.MaximumMeanDiscrepancy.Result;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinearTimeMmdTest {

  /** 1e-9 relative, as a percentage. */
  private static final double RELATIVE_PERCENT = 1e-7;

  private static final double SQRT_EIGHT = Math.sqrt(8);

  private static final MaximumMeanDiscrepancy LINEAR =
      MaximumMeanDiscrepancy.withDefaults().with(Estimator.LINEAR_TIME);

  static Stream<MmdReferenceCases.Case> cases() {
    return MmdReferenceCases.cases();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void moments_consecutivePairingAtNumpysBandwidth_matchNumpy(MmdReferenceCases.Case c) {
    double[][] reference = c.reference();
    double[][] current = c.current();
    GaussianKernel kernel = new GaussianKernel(c.expected("bandwidth"));

    LinearTimeMmd.Moments moments =
        LinearTimeMmd.moments(
            reference, inOrder(reference.length), current, inOrder(current.length), kernel);

    assertThat(moments.mean())
        .isCloseTo(c.expected("linear_mmd2"), withinPercentage(RELATIVE_PERCENT));
    assertThat(moments.variance())
        .isCloseTo(c.expected("linear_variance"), withinPercentage(RELATIVE_PERCENT));
  }

  @Test
  void test_shiftIn20000By20000By8_isDetected() {
    SplittableRandom random = new SplittableRandom(21);
    double[][] reference = normal(random, 20_000, 8, 0);
    double[][] current = normal(random, 20_000, 8, 0.25);

    Result result = MaximumMeanDiscrepancy.withDefaults().test(reference, current);

    assertThat(result.estimator()).isEqualTo(Estimator.LINEAR_TIME);
    assertThat(result.pValue()).isLessThan(1e-6);
  }

  @Test
  void test_identicalDistributionsIn20000By20000By8_raiseNoAlarm() {
    SplittableRandom random = new SplittableRandom(22);
    double[][] reference = normal(random, 20_000, 8, 0);
    double[][] current = normal(random, 20_000, 8, 0);

    Result result = MaximumMeanDiscrepancy.withDefaults().test(reference, current);

    assertThat(result.estimator()).isEqualTo(Estimator.LINEAR_TIME);
    assertThat(result.pValue()).isGreaterThan(0.05);
  }

  @Test
  void test_identicalDistributions_rejectAtAboutTheNominalRate() {
    // A fixed bandwidth (about the median distance of N(0, I_4) rows): this checks the normal
    // approximation, and the median heuristic's sort would dominate the run time.
    SplittableRandom random = new SplittableRandom(23);
    int runs = 400;
    int rejections = 0;

    for (int r = 0; r < runs; r++) {
      Result result =
          LINEAR
              .withSeed(r)
              .withBandwidth(SQRT_EIGHT)
              .test(normal(random, 300, 4, 0), normal(random, 300, 4, 0));
      rejections += result.pValue() <= 0.05 ? 1 : 0;
    }

    // Binomial(400, 0.05): mean 20, sd 4.4; the bounds are about 3 sd either side, the normal
    // approximation to MMD²_l at 150 quadruples adding little.
    assertThat(rejections).isBetween(8, 34);
  }

  @Test
  void test_timeOrderedReference_isPairedAtRandomSoCorrelationRaisesNoAlarm() {
    SplittableRandom random = new SplittableRandom(24);
    double[][] reference = normal(random, 4_000, 2, 0);
    // Each row repeated with a little jitter: consecutive rows nearly equal, as in a slow stream.
    for (int i = 1; i < reference.length; i += 2) {
      reference[i] = new double[] {reference[i - 1][0] + 0.01, reference[i - 1][1]};
    }
    double[][] current = normal(random, 4_000, 2, 0);

    Result result = LINEAR.test(reference, current);

    assertThat(result.pValue()).isGreaterThan(0.05);
  }

  private static int[] inOrder(int size) {
    return IntStream.range(0, size).toArray();
  }
}
