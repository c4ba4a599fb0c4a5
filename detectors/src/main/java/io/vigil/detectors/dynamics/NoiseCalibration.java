package io.vigil.detectors.dynamics;

import java.util.Arrays;

/**
 * What the reference period says about a score: where it sits and how much it wobbles from window
 * to window when nothing is wrong.
 *
 * <p>The noise is estimated robustly from the first differences {@code d_i = y_{i+1} − y_i}: for
 * independent noise of standard deviation {@code σ}, {@code d_i} has standard deviation {@code σ√2}
 * and, being a difference, ignores a slow trend in the reference. Hence
 *
 * <pre>
 *   s = MAD(d) / Φ⁻¹(3/4),    MAD(d) = median |d_i − median(d)|
 *   σ = sd{ d_i : |d_i − median(d)| ≤ 3.5·s } / √2
 * </pre>
 *
 * <p>The MAD alone is robust (breakdown point 50%) but inefficient: 37% at the normal, which leaves
 * a relative error of about 17% on 50 windows, and an overestimated noise hides a step, an
 * underestimated one raises false warnings. Rejecting the differences beyond 3.5 MAD-based standard
 * deviations and taking the standard deviation of the rest keeps the robustness against outlying
 * windows (each spoils two differences, both rejected) with nearly full efficiency. When more than
 * half the differences are equal (MAD = 0, e.g. a quantized error rate), nothing is rejected. The
 * baseline is the median of the reference scores.
 *
 * <p>References: P. J. Rousseeuw, C. Croux (1993), "Alternatives to the median absolute deviation",
 * Journal of the American Statistical Association 88(424), 1273–1283, <a
 * href="https://doi.org/10.1080/01621459.1993.10476408">doi:10.1080/01621459.1993.10476408</a>; F.
 * R. Hampel, E. M. Ronchetti, P. J. Rousseeuw, W. A. Stahel (1986), Robust Statistics: The Approach
 * Based on Influence Functions, Wiley, §1.4 (rejection rules followed by classical estimates).
 *
 * @param baseline the median of the reference scores
 * @param noise {@code σ}, the estimated standard deviation of one window's score, {@code > 0}
 * @param referenceWindows how many reference scores the estimates come from, {@code >= 3}
 */
public record NoiseCalibration(double baseline, double noise, int referenceWindows) {

  /** {@code Φ⁻¹(3/4)}: the MAD of a standard normal variable. */
  private static final double NORMAL_MAD = 0.6744897501960817;

  /**
   * Differences farther than this many standard deviations from their median are outliers: a normal
   * difference lies beyond it with probability 0.05%, so almost nothing good is lost.
   */
  private static final double REJECTION_LIMIT = 3.5;

  /** Three scores give two differences, the fewest with a spread. */
  static final int MIN_REFERENCE_WINDOWS = 3;

  /**
   * @throws IllegalArgumentException if the baseline is not finite, the noise not finite and
   *     positive, or fewer than 3 reference windows
   */
  public NoiseCalibration {
    if (!Double.isFinite(baseline)) {
      throw new IllegalArgumentException("baseline must be finite, was " + baseline);
    }
    if (!(noise > 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be finite and > 0, was " + noise);
    }
    if (referenceWindows < MIN_REFERENCE_WINDOWS) {
      throw new IllegalArgumentException(
          "calibration needs at least "
              + MIN_REFERENCE_WINDOWS
              + " reference windows, was "
              + referenceWindows);
    }
  }

  /**
   * Estimates baseline and noise from {@code referenceScores}, which are not modified.
   *
   * @throws IllegalArgumentException if there are fewer than 3 scores, a score is NaN or infinite
   *     (the message names its index), or the scores are constant, so that no noise can be measured
   */
  public static NoiseCalibration fromReference(double[] referenceScores) {
    requireReference(referenceScores);
    int n = referenceScores.length;
    double[] differences = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      differences[i] = referenceScores[i + 1] - referenceScores[i];
    }
    double noise = standardDeviation(withoutOutliers(differences)) / Math.sqrt(2);
    if (noise == 0) {
      throw new IllegalArgumentException(
          "the " + n + " reference scores are constant: their noise cannot be calibrated");
    }
    return new NoiseCalibration(median(referenceScores.clone()), noise, n);
  }

  private static void requireReference(double[] scores) {
    if (scores == null || scores.length < MIN_REFERENCE_WINDOWS) {
      throw new IllegalArgumentException(
          "calibration needs at least "
              + MIN_REFERENCE_WINDOWS
              + " reference scores, was "
              + (scores == null ? 0 : scores.length));
    }
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException(
            "reference score at index " + i + " is " + scores[i] + " (must be finite)");
      }
    }
  }

  /** The values within {@value #REJECTION_LIMIT} MAD-based standard deviations of their median. */
  private static double[] withoutOutliers(double[] values) {
    double center = median(values.clone());
    double[] deviations = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - center);
    }
    double limit = REJECTION_LIMIT * median(deviations.clone()) / NORMAL_MAD;
    if (limit == 0) {
      return values;
    }
    double[] kept = new double[values.length];
    int count = 0;
    for (int i = 0; i < values.length; i++) {
      if (deviations[i] <= limit) {
        kept[count++] = values[i];
      }
    }
    return Arrays.copyOf(kept, count);
  }

  /** The median; sorts {@code values} in place, so callers pass a copy. */
  private static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return values.length < 2 ? 0 : Math.sqrt(sum / (values.length - 1));
  }
}
