package io.vigil.detectors.performance;

import java.util.Arrays;

/**
 * Counts of (actual, predicted) class pairs: a streaming accumulator for the label-based
 * classification metrics of {@link ClassificationMetrics}. Instances are mutable and not
 * thread-safe; {@link #combine} merges partial matrices from parallel or windowed work.
 */
public final class ConfusionMatrix {

  private final int classCount;

  /** {@code counts[actual * classCount + predicted]}. */
  private final long[] counts;

  private long size;

  private ConfusionMatrix(int classCount) {
    this.classCount = classCount;
    this.counts = new long[classCount * classCount];
  }

  /**
   * An empty matrix over the labels {@code 0 .. classCount − 1}.
   *
   * @throws IllegalArgumentException if {@code classCount} is below 2 or above 46,340 (the square
   *     must index an array)
   */
  public static ConfusionMatrix of(int classCount) {
    ClassificationInput.requireClassCount(classCount);
    if (classCount > 46_340) {
      throw new IllegalArgumentException("class count must be at most 46340 but is " + classCount);
    }
    return new ConfusionMatrix(classCount);
  }

  /**
   * A matrix holding every {@code (actual[i], predicted[i])} pair. The arrays are not modified.
   *
   * @throws IllegalArgumentException if the arrays are empty, differ in length, or hold a label
   *     outside {@code [0, classCount)}
   */
  public static ConfusionMatrix of(int[] actual, int[] predicted, int classCount) {
    ClassificationInput.requireLabels(actual, predicted, classCount);
    ConfusionMatrix matrix = of(classCount);
    for (int i = 0; i < actual.length; i++) {
      matrix.counts[actual[i] * classCount + predicted[i]]++;
    }
    matrix.size = actual.length;
    return matrix;
  }

  /**
   * Counts one prediction.
   *
   * @throws IllegalArgumentException if a label is outside {@code [0, classCount)}
   */
  public void accept(int actual, int predicted) {
    if (actual < 0 || actual >= classCount || predicted < 0 || predicted >= classCount) {
      throw new IllegalArgumentException(
          "labels (" + actual + ", " + predicted + ") outside [0, " + classCount + ")");
    }
    counts[actual * classCount + predicted]++;
    size++;
  }

  /**
   * Adds the counts of {@code other} to this matrix; {@code other} is unchanged.
   *
   * @return this matrix
   * @throws IllegalArgumentException if the class counts differ
   */
  public ConfusionMatrix combine(ConfusionMatrix other) {
    if (other.classCount != classCount) {
      throw new IllegalArgumentException(
          "cannot combine " + other.classCount + " classes into " + classCount);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    size += other.size;
    return this;
  }

  /** Forgets every count. */
  public void reset() {
    Arrays.fill(counts, 0);
    size = 0;
  }

  public int classCount() {
    return classCount;
  }

  /** The number of predictions counted. */
  public long size() {
    return size;
  }

  /** Predictions of class {@code predicted} whose actual class is {@code actual}. */
  public long count(int actual, int predicted) {
    return counts[actual * classCount + predicted];
  }

  /** Predictions equal to their actual class: the trace. */
  public long correct() {
    long trace = 0;
    for (int c = 0; c < classCount; c++) {
      trace += count(c, c);
    }
    return trace;
  }

  /** Rows whose actual class is {@code label}: its support. */
  public long actualCount(int label) {
    long total = 0;
    for (int p = 0; p < classCount; p++) {
      total += count(label, p);
    }
    return total;
  }

  /** Rows predicted as {@code label}. */
  public long predictedCount(int label) {
    long total = 0;
    for (int a = 0; a < classCount; a++) {
      total += count(a, label);
    }
    return total;
  }
}
