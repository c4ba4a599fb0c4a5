package io.vigil.detectors.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExponentialHistogramTest {

  @Test
  void add_manyValues_keepsAtMostMBucketsPerLevelAndAllValues() {
    ExponentialHistogram histogram = new ExponentialHistogram(5);

    for (int i = 0; i < 10_000; i++) {
      histogram.add(1);
    }

    long counted = 0;
    for (int level = 0; level < histogram.levelCount(); level++) {
      assertThat(histogram.bucketCount(level)).isBetween(1, 5);
      for (int i = 0; i < histogram.bucketCount(level); i++) {
        assertThat(histogram.bucketTotal(level, i)).isEqualTo(1L << level);
      }
      counted += histogram.bucketCount(level) * (1L << level);
    }
    assertThat(counted).isEqualTo(10_000);
    assertThat(histogram.width()).isEqualTo(10_000);
    assertThat(histogram.levelCount()).isLessThanOrEqualTo(12);
  }

  @Test
  void removeOldestBucket_leavesTheMeanAndVarianceOfTheRemainingValues() {
    SplittableRandom random = new SplittableRandom(31);
    double[] values = new double[1_000];
    ExponentialHistogram histogram = new ExponentialHistogram(5);
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 600 ? random.nextGaussian() : 4 + 3 * random.nextGaussian();
      histogram.add(values[i]);
    }
    int top = histogram.levelCount() - 1;
    int removed = 1 << top;

    histogram.removeOldestBucket();

    double[] remaining = Arrays.copyOfRange(values, removed, values.length);
    double mean = Arrays.stream(remaining).average().orElseThrow();
    double variance =
        Arrays.stream(remaining).map(v -> (v - mean) * (v - mean)).sum() / remaining.length;
    assertThat(histogram.width()).isEqualTo(remaining.length);
    assertThat(histogram.total() / histogram.width()).isCloseTo(mean, within(1e-12));
    assertThat(histogram.variance()).isCloseTo(variance, within(1e-10));
  }
}
