package io.vigil.detectors.performance;

/**
 * Platt scaling of confidence: {@code P(correct | c) = 1/(1 + exp(−(A·s + B)))} on the log-odds
 * {@code s = ln(c/(1 − c))} of the confidence, clipped to {@code [1e-15, 1 − 1e-15]} so that 0 and
 * 1 stay finite.
 *
 * <p>{@code A} and {@code B} minimise the cross-entropy against Platt's smoothed targets {@code (N₊
 * + 1)/(N₊ + 2)} for correct rows and {@code 1/(N₋ + 2)} for wrong ones ({@code N₊}, {@code N₋}
 * their counts), which keeps the fit finite when correctness is perfectly separated by confidence.
 * The objective is convex; it is minimised by Newton's method with step halving until the step is
 * below {@code 1e-12}.
 *
 * <p>Reference: J. C. Platt (1999), "Probabilistic outputs for support vector machines and
 * comparisons to regularized likelihood methods", Advances in Large Margin Classifiers, 61–74;
 * H.-T. Lin, C.-J. Lin and R. C. Weng (2007), "A note on Platt's probabilistic outputs for support
 * vector machines", Machine Learning 68(3), 267–276, doi:10.1007/s10994-007-5018-6.
 */
final class PlattCalibration implements ConfidenceCalibration {

  /** Keeps the log-odds of a confidence of exactly 0 or 1 finite (about ±34.5). */
  static final double CONFIDENCE_CLIP = 1e-15;

  private static final int MAX_ITERATIONS = 100;
  private static final double STEP_TOLERANCE = 1e-12;
  private static final int MAX_HALVINGS = 50;
  private static final double LOSS_SLACK = 1e-12;

  private final double slope;
  private final double intercept;

  private PlattCalibration(double slope, double intercept) {
    this.slope = slope;
    this.intercept = intercept;
  }

  /**
   * Fits the map; the arrays are not modified.
   *
   * @param confidence confidences in {@code [0, 1]}, checked by the caller
   * @param correct 1 for a correct prediction, 0 otherwise, same length
   */
  static PlattCalibration fit(double[] confidence, double[] correct) {
    int n = confidence.length;
    double[] s = new double[n];
    double positives = 0;
    for (int i = 0; i < n; i++) {
      s[i] = logOdds(confidence[i]);
      positives += correct[i];
    }
    double negatives = n - positives;
    double[] target = new double[n];
    for (int i = 0; i < n; i++) {
      target[i] = correct[i] == 1 ? (positives + 1) / (positives + 2) : 1 / (negatives + 2);
    }
    double[] theta = {0, 0};
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] step = newtonStep(s, target, theta);
      double scale = 1;
      double before = loss(s, target, theta[0], theta[1]);
      int halvings = 0;
      // the slack ignores rounding noise in the loss, which near the optimum would halve the
      // Newton step away and stop the iteration short
      double ceiling = before + LOSS_SLACK * Math.abs(before);
      while (loss(s, target, theta[0] - scale * step[0], theta[1] - scale * step[1]) > ceiling
          && halvings++ < MAX_HALVINGS) {
        scale /= 2;
      }
      theta[0] -= scale * step[0];
      theta[1] -= scale * step[1];
      if (Math.abs(scale * step[0]) + Math.abs(scale * step[1]) < STEP_TOLERANCE) {
        break;
      }
    }
    return new PlattCalibration(theta[0], theta[1]);
  }

  double slope() {
    return slope;
  }

  double intercept() {
    return intercept;
  }

  @Override
  public double calibrate(double confidence) {
    return logistic(slope * logOdds(confidence) + intercept);
  }

  /** The Newton step {@code H⁻¹ g} of the cross-entropy at {@code theta}. */
  private static double[] newtonStep(double[] s, double[] target, double[] theta) {
    double g0 = 0;
    double g1 = 0;
    double h00 = 0;
    double h01 = 0;
    double h11 = 0;
    for (int i = 0; i < s.length; i++) {
      double q = logistic(theta[0] * s[i] + theta[1]);
      double r = q - target[i];
      double w = q * (1 - q);
      g0 += r * s[i];
      g1 += r;
      h00 += w * s[i] * s[i];
      h01 += w * s[i];
      h11 += w;
    }
    double determinant = h00 * h11 - h01 * h01;
    if (!(determinant > 0)) {
      // all confidences equal: the slope is not identified, fit the intercept alone
      return new double[] {0, h11 > 0 ? g1 / h11 : 0};
    }
    return new double[] {(h11 * g0 - h01 * g1) / determinant, (h00 * g1 - h01 * g0) / determinant};
  }

  private static double loss(double[] s, double[] target, double slope, double intercept) {
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      double f = slope * s[i] + intercept;
      // ln(1 + e^f) − t f, without overflow for large |f|
      sum += Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - target[i] * f;
    }
    return sum;
  }

  private static double logOdds(double confidence) {
    double c = Math.min(1 - CONFIDENCE_CLIP, Math.max(CONFIDENCE_CLIP, confidence));
    return Math.log(c) - Math.log1p(-c);
  }

  private static double logistic(double f) {
    return f >= 0 ? 1 / (1 + Math.exp(-f)) : Math.exp(f) / (1 + Math.exp(f));
  }
}
