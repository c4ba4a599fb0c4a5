package io.vigil.detectors.multivariate;

import java.util.SplittableRandom;

/** Seeded Gaussian row samples for the tests. */
final class MultivariateSamples {

  private MultivariateSamples() {}

  /** {@code n} rows of {@code N(shift·1, scale²·I_d)}. */
  static double[][] normal(SplittableRandom random, int n, int d, double shift, double scale) {
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int k = 0; k < d; k++) {
        row[k] = shift + scale * random.nextGaussian();
      }
    }
    return rows;
  }

  static double[][] normal(SplittableRandom random, int n, int d, double shift) {
    return normal(random, n, d, shift, 1);
  }
}
