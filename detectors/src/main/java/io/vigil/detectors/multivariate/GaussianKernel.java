package io.vigil.detectors.multivariate;

/**
 * The Gaussian (RBF) kernel {@code k(x, y) = exp(−||x − y||² / (2σ²))} for a fixed bandwidth {@code
 * σ}.
 */
final class GaussianKernel {

  private final double twoSigmaSquared;

  /** A kernel of bandwidth {@code sigma}, assumed positive and finite. */
  GaussianKernel(double sigma) {
    // Parenthesised as numpy's 2 * (sigma * sigma), so both round the same way.
    this.twoSigmaSquared = 2 * (sigma * sigma);
  }

  /** {@code k(x, y)}; rows of equal length, not checked. */
  double value(double[] x, double[] y) {
    return Math.exp(-squaredDistance(x, y) / twoSigmaSquared);
  }

  /**
   * {@code ||x − y||²} summed column by column in order (not via {@code |x|² + |y|² − 2x·y}, which
   * cancels catastrophically for close rows).
   */
  static double squaredDistance(double[] x, double[] y) {
    double sum = 0;
    for (int k = 0; k < x.length; k++) {
      double diff = x[k] - y[k];
      sum += diff * diff;
    }
    return sum;
  }
}
