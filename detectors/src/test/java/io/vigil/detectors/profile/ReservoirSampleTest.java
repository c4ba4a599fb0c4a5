package io.vigil.detectors.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * Uniformity of the reservoir, checked statistically: over many seeded repetitions every value of
 * the stream should be kept with probability {@code capacity / N}. The inclusion counts are
 * compared with {@code R·p} by {@code Σ (O − E)² / (E·(1 − p))}, approximately chi-square with
 * {@code N − 1} degrees of freedom (the {@code 1 − p} accounts for sampling without replacement),
 * and the test fails below a p-value of 0.001.
 */
class ReservoirSampleTest {

  private static final int CAPACITY = 50;
  private static final int REPETITIONS = 4_000;
  private static final double MIN_P_VALUE = 0.001;

  @Test
  void accept_singleStream_keepsEveryValueEquallyOften() {
    int n = 400;
    long[] inclusions = new long[n];

    for (int r = 0; r < REPETITIONS; r++) {
      ReservoirSample sample = stream(0, n, r);
      count(sample, inclusions);
    }

    assertThat(uniformityPValue(inclusions)).isGreaterThan(MIN_P_VALUE);
  }

  @Test
  void combine_twoStreams_isAUniformSampleOfTheUnion() {
    int first = 120;
    int second = 80;
    long[] inclusions = new long[first + second];
    long fromFirst = 0;

    for (int r = 0; r < REPETITIONS; r++) {
      ReservoirSample sample = stream(0, first, 2L * r);
      sample.combine(stream(first, first + second, 2L * r + 1));
      count(sample, inclusions);
      for (double value : sample.values()) {
        fromFirst += value < first ? 1 : 0;
      }
    }

    assertThat(uniformityPValue(inclusions)).isGreaterThan(MIN_P_VALUE);
    // Hypergeometric mean 50·0.6 = 30 per repetition, sd about 3.0, so about 0.05 over 4,000.
    assertThat((double) fromFirst / REPETITIONS).isCloseTo(30.0, within(0.25));
  }

  @Test
  void combine_thenMoreValues_staysUniform() {
    long[] inclusions = new long[600];

    for (int r = 0; r < REPETITIONS; r++) {
      ReservoirSample sample = stream(0, 150, 3L * r);
      sample.combine(stream(150, 300, 3L * r + 1));
      for (int value = 300; value < 600; value++) {
        sample.accept(value);
      }
      count(sample, inclusions);
    }

    assertThat(uniformityPValue(inclusions)).isGreaterThan(MIN_P_VALUE);
  }

  @Test
  void combine_streamsShorterThanCapacity_keepsEveryValue() {
    ReservoirSample sample = stream(0, 20, 1);

    sample.combine(stream(20, 45, 2));

    assertThat(sample.values()).hasSize(45);
    assertThat(sample.values()).containsExactlyInAnyOrder(range(0, 45));
    assertThat(sample.seen()).isEqualTo(45);
  }

  private static ReservoirSample stream(int from, int to, long seed) {
    ReservoirSample sample = new ReservoirSample(CAPACITY, seed);
    for (int value = from; value < to; value++) {
      sample.accept(value);
    }
    return sample;
  }

  private static void count(ReservoirSample sample, long[] inclusions) {
    for (double value : sample.values()) {
      inclusions[(int) value]++;
    }
  }

  private static double uniformityPValue(long[] inclusions) {
    double p = (double) CAPACITY / inclusions.length;
    double expected = REPETITIONS * p;
    double statistic = 0;
    for (long observed : inclusions) {
      statistic += (observed - expected) * (observed - expected) / (expected * (1 - p));
    }
    return ChiSquaredDistribution.of(inclusions.length - 1).survivalProbability(statistic);
  }

  private static double[] range(int from, int to) {
    double[] values = new double[to - from];
    for (int i = 0; i < values.length; i++) {
      values[i] = from + i;
    }
    return values;
  }
}
