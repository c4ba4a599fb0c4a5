package io.vigil.detectors.performance;

import java.util.Arrays;

/**
 * Isotonic regression of correctness on confidence by pool-adjacent-violators: the non-decreasing
 * step function closest in squared error to the observed 0/1 correctness.
 *
 * <p>Rows with equal confidence are first merged into one point weighted by their count (their mean
 * correctness). Adjacent points whose fitted values decrease are then pooled into their weighted
 * mean until the sequence is non-decreasing: {@code O(n log n)} for the sort, {@code O(n)} for the
 * pooling. Between fitted confidences the map interpolates linearly; outside them it holds the end
 * values (scikit-learn's {@code IsotonicRegression(out_of_bounds='clip')}).
 *
 * <p>Reference: M. Ayer, H. D. Brunk, G. M. Ewing, W. T. Reid and E. Silverman (1955), "An
 * empirical distribution function for sampling with incomplete information", Annals of Mathematical
 * Statistics 26(4), 641–647, doi:10.1214/aoms/1177728423; B. Zadrozny and C. Elkan (2002),
 * "Transforming classifier scores into accurate multiclass probability estimates", KDD 2002,
 * doi:10.1145/775047.775151.
 */
final class IsotonicCalibration implements ConfidenceCalibration {

  private final double[] confidences;
  private final double[] fitted;

  private IsotonicCalibration(double[] confidences, double[] fitted) {
    this.confidences = confidences;
    this.fitted = fitted;
  }

  /**
   * Fits the map; the arrays are not modified.
   *
   * @param confidence confidences in {@code [0, 1]}, checked by the caller
   * @param correct 1 for a correct prediction, 0 otherwise, same length, checked by the caller
   */
  static IsotonicCalibration fit(double[] confidence, double[] correct) {
    int n = confidence.length;
    // two primitive sorts instead of a boxed index sort: all confidences, and those of the
    // correct rows; one walk over the groups of equal confidence then counts both
    double[] all = confidence.clone();
    int correctCount = 0;
    for (double c : correct) {
      correctCount += c == 1 ? 1 : 0;
    }
    double[] right = new double[correctCount];
    for (int i = 0, j = 0; i < n; i++) {
      if (correct[i] == 1) {
        right[j++] = confidence[i];
      }
    }
    Arrays.sort(all);
    Arrays.sort(right);
    double[] x = new double[n];
    double[] value = new double[n];
    double[] weight = new double[n];
    int[] blockSize = new int[n];
    int distinct = 0;
    int blocks = 0;
    int i = 0;
    int j = 0;
    while (i < n) {
      double c = all[i];
      int count = 0;
      while (i < n && all[i] == c) {
        count++;
        i++;
      }
      int rightCount = 0;
      while (j < correctCount && right[j] == c) {
        rightCount++;
        j++;
      }
      x[distinct++] = c;
      blocks = push(value, weight, blockSize, blocks, (double) rightCount / count, count);
    }
    return withoutFlatInteriors(x, expand(value, blockSize, blocks));
  }

  /**
   * Drops the points inside runs of equal fitted values: linear interpolation between a run's first
   * and last point gives the same map, and the search in {@link #calibrate} gets shorter.
   */
  private static IsotonicCalibration withoutFlatInteriors(double[] x, double[] fitted) {
    int n = fitted.length;
    double[] keptX = new double[n];
    double[] keptFitted = new double[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean interior =
          i > 0 && i < n - 1 && fitted[i - 1] == fitted[i] && fitted[i] == fitted[i + 1];
      if (!interior) {
        keptX[kept] = x[i];
        keptFitted[kept++] = fitted[i];
      }
    }
    return new IsotonicCalibration(Arrays.copyOf(keptX, kept), Arrays.copyOf(keptFitted, kept));
  }

  /** Appends one point and pools backwards while the last two blocks decrease. */
  private static int push(
      double[] value, double[] weight, int[] blockSize, int blocks, double mean, double count) {
    int top = blocks;
    value[top] = mean;
    weight[top] = count;
    blockSize[top] = 1;
    while (top > 0 && value[top - 1] > value[top]) {
      double pooled = weight[top - 1] + weight[top];
      value[top - 1] = (value[top - 1] * weight[top - 1] + value[top] * weight[top]) / pooled;
      weight[top - 1] = pooled;
      blockSize[top - 1] += blockSize[top];
      top--;
    }
    return top + 1;
  }

  private static double[] expand(double[] value, int[] blockSize, int blocks) {
    int total = 0;
    for (int b = 0; b < blocks; b++) {
      total += blockSize[b];
    }
    double[] fitted = new double[total];
    int at = 0;
    for (int b = 0; b < blocks; b++) {
      Arrays.fill(fitted, at, at + blockSize[b], value[b]);
      at += blockSize[b];
    }
    return fitted;
  }

  @Override
  public double calibrate(double confidence) {
    int last = confidences.length - 1;
    if (confidence <= confidences[0]) {
      return fitted[0];
    }
    if (confidence >= confidences[last]) {
      return fitted[last];
    }
    int found = Arrays.binarySearch(confidences, confidence);
    if (found >= 0) {
      return fitted[found];
    }
    int right = -found - 1;
    int left = right - 1;
    double t = (confidence - confidences[left]) / (confidences[right] - confidences[left]);
    return fitted[left] + t * (fitted[right] - fitted[left]);
  }
}
