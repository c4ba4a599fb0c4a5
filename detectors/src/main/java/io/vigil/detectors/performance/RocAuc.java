package io.vigil.detectors.performance;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The area under the ROC curve by the Mann–Whitney rank formula:
 *
 * <pre>
 *   AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋)
 * </pre>
 *
 * <p>with {@code R₊} the sum of the positives' ranks among all scores, ties given their average
 * rank (so a tied positive–negative pair counts one half). Ranks are half-integers, so {@code R₊}
 * is exact in double for fewer than 2^26 rows.
 *
 * <p>Reference: J. A. Hanley and B. J. McNeil (1982), "The meaning and use of the area under a
 * receiver operating characteristic (ROC) curve", Radiology 143(1), 29–36, <a
 * href="https://doi.org/10.1148/radiology.143.1.7063747">doi:10.1148/radiology.143.1.7063747</a>.
 */
final class RocAuc {

  private RocAuc() {}

  /**
   * Binary AUC from the class-1 probability; macro one-vs-rest for more classes: the mean of each
   * class's AUC (its probability column as the score, its rows as the positives) over the classes
   * with at least one positive and one negative row.
   *
   * @return empty when no class has both positive and negative rows
   */
  static OptionalDouble of(int[] actual, double[][] probabilities, int classCount) {
    if (classCount == 2) {
      return oneVersusRest(actual, probabilities, 1);
    }
    double sum = 0;
    int scored = 0;
    for (int c = 0; c < classCount; c++) {
      OptionalDouble auc = oneVersusRest(actual, probabilities, c);
      if (auc.isPresent()) {
        sum += auc.getAsDouble();
        scored++;
      }
    }
    return scored == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / scored);
  }

  /**
   * Sorts all scores and the positives' scores separately (primitive sorts, no boxing), then walks
   * the groups of tied scores once: each positive in a group gets the group's average rank.
   */
  private static OptionalDouble oneVersusRest(
      int[] actual, double[][] probabilities, int positive) {
    int n = actual.length;
    double[] all = new double[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      all[i] = probabilities[i][positive];
      positives += actual[i] == positive ? 1 : 0;
    }
    if (positives == 0 || positives == n) {
      return OptionalDouble.empty();
    }
    double[] positiveScores = new double[positives];
    for (int i = 0, j = 0; i < n; i++) {
      if (actual[i] == positive) {
        positiveScores[j++] = all[i];
      }
    }
    Arrays.sort(all);
    Arrays.sort(positiveScores);
    double positiveRankSum = 0;
    int j = 0;
    int start = 0;
    while (start < n) {
      // primitive == joins -0.0 and 0.0 into one group in both arrays alike
      double score = all[start];
      int end = start;
      while (end < n && all[end] == score) {
        end++;
      }
      int tiedPositives = 0;
      while (j < positives && positiveScores[j] == score) {
        tiedPositives++;
        j++;
      }
      // ranks start + 1 .. end share their average
      positiveRankSum += tiedPositives * ((start + 1 + end) / 2.0);
      start = end;
    }
    double negatives = n - positives;
    double u = positiveRankSum - positives * (positives + 1.0) / 2.0;
    return OptionalDouble.of(u / (positives * negatives));
  }
}
