package io.vigil.detectors.dynamics;

import java.util.SplittableRandom;

/**
 * Seeded score series for the early-warning tests: Gaussian noise around a baseline, with a ramp or
 * a step starting at a given window.
 */
final class SeededScores {

  private SeededScores() {}

  /** {@code n} scores of {@code baseline + noise·N(0, 1)}. */
  static double[] stationary(SplittableRandom random, int n, double baseline, double noise) {
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = baseline + noise * random.nextGaussian();
    }
    return scores;
  }

  /**
   * {@code n} noisy scores whose mean stays at {@code baseline} up to window {@code start} and then
   * moves by {@code slope} per window: the mean at window {@code start + k} is {@code baseline +
   * k·slope}.
   */
  static double[] ramp(
      SplittableRandom random, int n, double baseline, double noise, int start, double slope) {
    double[] scores = stationary(random, n, baseline, noise);
    for (int i = start + 1; i < n; i++) {
      scores[i] += (i - start) * slope;
    }
    return scores;
  }

  /** {@code n} noisy scores whose mean moves by {@code size} at window {@code start}. */
  static double[] step(
      SplittableRandom random, int n, double baseline, double noise, int start, double size) {
    double[] scores = stationary(random, n, baseline, noise);
    for (int i = start; i < n; i++) {
      scores[i] += size;
    }
    return scores;
  }

  /** The first index at or after {@code from} where {@code series[i] >= threshold}, else -1. */
  static int firstAtOrAbove(double[] series, double threshold, int from) {
    for (int i = from; i < series.length; i++) {
      if (series[i] >= threshold) {
        return i;
      }
    }
    return -1;
  }
}
