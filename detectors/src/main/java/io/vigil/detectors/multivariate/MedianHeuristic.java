package io.vigil.detectors.multivariate;

import java.util.Arrays;

/**
 * The median-heuristic bandwidth: {@code σ} is the median Euclidean distance over all pairs {@code
 * i < j} of the pooled rows formed by the first {@code min(m, 1000)} reference rows followed by the
 * first {@code min(n, 1000)} current rows (Gretton et al. 2012, §8). The median is numpy's: the
 * mean of the two middle values for an even count.
 */
final class MedianHeuristic {

  /**
   * Rows taken from each sample: at most 1,999,000 distances (16 MB) for the median. Taking the
   * first rows, not a random subset, keeps the bandwidth reproducible by the numpy reference.
   */
  static final int MAX_ROWS_PER_SAMPLE = 1000;

  private MedianHeuristic() {}

  /**
   * The bandwidth for two validated samples.
   *
   * @throws IllegalArgumentException if the median distance is 0 (more than half of the pooled
   *     pairs are identical rows), where the heuristic gives no usable kernel
   */
  static double bandwidth(double[][] reference, double[][] current) {
    double[][] pooled = pooledHead(reference, current);
    int size = pooled.length;
    double[] distances = new double[size * (size - 1) / 2];
    int next = 0;
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        distances[next++] = Math.sqrt(GaussianKernel.squaredDistance(pooled[i], pooled[j]));
      }
    }
    Arrays.sort(distances);
    int half = distances.length / 2;
    double median =
        distances.length % 2 == 1 ? distances[half] : (distances[half - 1] + distances[half]) / 2;
    if (!(median > 0)) {
      throw new IllegalArgumentException(
          "median pairwise distance of the pooled rows is 0 (mostly identical rows); "
              + "set a bandwidth with withBandwidth");
    }
    return median;
  }

  private static double[][] pooledHead(double[][] reference, double[][] current) {
    int fromReference = Math.min(reference.length, MAX_ROWS_PER_SAMPLE);
    int fromCurrent = Math.min(current.length, MAX_ROWS_PER_SAMPLE);
    double[][] pooled = new double[fromReference + fromCurrent][];
    System.arraycopy(reference, 0, pooled, 0, fromReference);
    System.arraycopy(current, 0, pooled, fromReference, fromCurrent);
    return pooled;
  }
}
