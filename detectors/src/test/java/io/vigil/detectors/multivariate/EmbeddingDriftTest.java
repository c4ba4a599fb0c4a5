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

class EmbeddingDriftTest {

  private static final EmbeddingDrift DRIFT =
      EmbeddingDrift.withDefaults()
          .with(MaximumMeanDiscrepancy.withDefaults().withPermutations(199));

  static Stream<MmdReferenceCases.Case> cases() {
    return MmdReferenceCases.cases();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void cosineDistanceOfMeans_referenceCase_matchesNumpy(MmdReferenceCases.Case c) {
    double distance = EmbeddingDrift.cosineDistanceOfMeans(c.reference(), c.current());

    assertThat(distance).isCloseTo(c.expected("cosine_distance"), withinPercentage(1e-7));
  }

  @Test
  void defaults_thresholds_areTheSimulatedNullPercentilesRoundedUp() {
    double cosineP99 = MmdReferenceCases.simulation().get("cosine_distance_p99").doubleValue();
    double mmd2P99 = MmdReferenceCases.simulation().get("mmd2_p99").doubleValue();

    assertThat(EmbeddingDrift.DEFAULT_COSINE_DISTANCE_THRESHOLD)
        .isGreaterThanOrEqualTo(cosineP99)
        .isLessThan(cosineP99 + 0.001);
    assertThat(EmbeddingDrift.DEFAULT_MMD2_THRESHOLD)
        .isGreaterThanOrEqualTo(mmd2P99)
        .isLessThan(mmd2P99 + 0.0001);
  }

  @Test
  void test_turnedMeanEmbedding_isDriftWithBothEffects() {
    SplittableRandom random = new SplittableRandom(31);
    double[][] reference = embeddings(random, 500, 16, 0);
    double[][] current = embeddings(random, 500, 16, 0.3);

    EmbeddingDrift.Result result = DRIFT.test(reference, current);

    assertThat(result.drifted()).isTrue();
    assertThat(result.mmd().pValue()).isEqualTo(1.0 / 200);
    assertThat(result.cosineDistance())
        .isGreaterThan(EmbeddingDrift.DEFAULT_COSINE_DISTANCE_THRESHOLD);
    assertThat(result.mmd().statistic()).isGreaterThan(EmbeddingDrift.DEFAULT_MMD2_THRESHOLD);
  }

  @Test
  void test_sameDistributionAtTheCalibratedSize_isNoDrift() {
    // n = 1,000, d = 32 as in the threshold simulation: a false drift needs p < α and a null
    // effect above its 99th percentile, together at most about 2% of seeds.
    SplittableRandom random = new SplittableRandom(32);
    double[][] reference = embeddings(random, 1000, 32, 0);
    double[][] current = embeddings(random, 1000, 32, 0);

    EmbeddingDrift.Result result = DRIFT.test(reference, current);

    assertThat(result.drifted()).isFalse();
    assertThat(result.cosineDistance())
        .isLessThan(EmbeddingDrift.DEFAULT_COSINE_DISTANCE_THRESHOLD);
  }

  @Test
  void test_significantShiftBelowBothThresholds_isNoDrift() {
    SplittableRandom random = new SplittableRandom(33);
    double[][] reference = embeddings(random, 300, 8, 0);
    double[][] current = embeddings(random, 300, 8, 0.5);
    EmbeddingDrift lenient = DRIFT.withMmd2Threshold(1).withCosineDistanceThreshold(2);

    EmbeddingDrift.Result result = lenient.test(reference, current);

    assertThat(result.mmd().pValue()).isLessThan(0.05);
    assertThat(result.drifted()).isFalse();
  }

  @Test
  void test_zeroMeanEmbedding_isRefusedNamingTheSample() {
    double[][] centred = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    double[][] other = {{1, 1}, {2, 1}, {1, 2}, {2, 2}};

    assertThatThrownBy(() -> DRIFT.test(other, centred))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current mean embedding is the zero vector");
  }

  @Test
  void configuration_outOfRangeValues_areRefused() {
    assertThatThrownBy(() -> DRIFT.withSignificance(1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DRIFT.withMmd2Threshold(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DRIFT.withCosineDistanceThreshold(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void result_cosineDistanceOutsideZeroToTwo_isRefused() {
    Result mmd = new Result(0.01, 0.01, 1, Estimator.UNBIASED_QUADRATIC);

    assertThatThrownBy(() -> new EmbeddingDrift.Result(mmd, 2.5, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cosineDistance");
  }

  /** Rows {@code μ + e}, {@code μ} the unit vector at {@code angle} in the first plane. */
  private static double[][] embeddings(SplittableRandom random, int n, int d, double angle) {
    double[][] rows = normal(random, n, d, 0, 1 / Math.sqrt(d));
    for (double[] row : rows) {
      row[0] += Math.cos(angle);
      row[1] += Math.sin(angle);
    }
    return rows;
  }
}
