package io.vigil.detectors.performance;

/**
 * Checks on the arrays that classification metrics take: class labels, probability vectors and
 * confidences. Every message names the array and the offending index.
 */
final class ClassificationInput {

  /** How far a probability vector's sum may stand from 1 (rounding in the caller's model). */
  static final double PROBABILITY_SUM_TOLERANCE = 1e-6;

  private ClassificationInput() {}

  /**
   * Checks that {@code actual} and {@code predicted} are non-empty, of one length, with labels in
   * {@code [0, classCount)}.
   *
   * @throws IllegalArgumentException if not, naming the array and index
   */
  static void requireLabels(int[] actual, int[] predicted, int classCount) {
    requireClassCount(classCount);
    requireNonEmpty(actual, "actual");
    requireNonEmpty(predicted, "predicted");
    requireSameLength(actual.length, predicted.length, "predicted");
    requireRange(actual, classCount, "actual");
    requireRange(predicted, classCount, "predicted");
  }

  /**
   * Checks that {@code probabilities} has one row per label, each of {@code classCount} values in
   * {@code [0, 1]} that sum to 1 within {@link #PROBABILITY_SUM_TOLERANCE}.
   *
   * @throws IllegalArgumentException if not, naming the row
   */
  static void requireProbabilities(double[][] probabilities, int rows, int classCount) {
    if (probabilities == null) {
      throw new IllegalArgumentException("probabilities are null");
    }
    requireSameLength(rows, probabilities.length, "probabilities");
    for (int i = 0; i < probabilities.length; i++) {
      double[] row = probabilities[i];
      if (row == null || row.length != classCount) {
        throw new IllegalArgumentException(
            "probabilities row " + i + " must hold " + classCount + " values");
      }
      double sum = 0;
      for (double p : row) {
        // written so that NaN fails too
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException(
              "probabilities row " + i + " holds " + p + ", outside [0, 1]");
        }
        sum += p;
      }
      if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
        throw new IllegalArgumentException(
            "probabilities row " + i + " sums to " + sum + ", not 1 within 1e-6");
      }
    }
  }

  /**
   * Checks that {@code confidence} is non-empty with every value in {@code [0, 1]}.
   *
   * @throws IllegalArgumentException if not, naming the index
   */
  static void requireConfidences(double[] confidence, String name) {
    if (confidence == null || confidence.length == 0) {
      throw new IllegalArgumentException(name + " is empty");
    }
    for (int i = 0; i < confidence.length; i++) {
      if (!(confidence[i] >= 0 && confidence[i] <= 1)) {
        throw new IllegalArgumentException(
            name + " at index " + i + " is " + confidence[i] + ", outside [0, 1]");
      }
    }
  }

  static void requireClassCount(int classCount) {
    if (classCount < 2) {
      throw new IllegalArgumentException("class count must be at least 2 but is " + classCount);
    }
  }

  static void requireSameLength(int expected, int actual, String name) {
    if (expected != actual) {
      throw new IllegalArgumentException(
          name + " has " + actual + " rows but the actual labels have " + expected);
    }
  }

  private static void requireNonEmpty(int[] labels, String name) {
    if (labels == null || labels.length == 0) {
      throw new IllegalArgumentException(name + " labels are empty");
    }
  }

  private static void requireRange(int[] labels, int classCount, String name) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classCount) {
        throw new IllegalArgumentException(
            name
                + " label at index "
                + i
                + " is "
                + labels[i]
                + ", outside [0, "
                + classCount
                + ")");
      }
    }
  }
}
