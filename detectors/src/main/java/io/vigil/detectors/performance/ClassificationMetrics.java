package io.vigil.detectors.performance;

import java.util.ArrayList;
import java.util.List;

/**
 * Realized classification metrics from labels: accuracy with its Wilson score interval, and
 * per-class and macro-averaged precision, recall and F1 (see {@link ClassMetrics} for the
 * definitions and the zero-division convention).
 *
 * <p>Macro averages are unweighted means over the classes that occur in the actual or the predicted
 * labels, as scikit-learn's {@code average='macro'} without an explicit label list: a class that
 * never appears at all says nothing about the model and is left out.
 */
public final class ClassificationMetrics {

  private static final ClassificationMetrics DEFAULTS =
      new ClassificationMetrics(WilsonScoreInterval.withDefaults());

  private final WilsonScoreInterval accuracyInterval;

  private ClassificationMetrics(WilsonScoreInterval accuracyInterval) {
    this.accuracyInterval = accuracyInterval;
  }

  /** Metrics with a 95% accuracy interval. */
  public static ClassificationMetrics withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns metrics whose accuracy interval has {@code level}; this instance is unchanged.
   *
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public ClassificationMetrics withConfidenceLevel(double level) {
    return new ClassificationMetrics(accuracyInterval.withConfidenceLevel(level));
  }

  /**
   * The metrics of {@code predicted} against {@code actual}. The arrays are not modified.
   *
   * @throws IllegalArgumentException if the arrays are empty, differ in length, or hold a label
   *     outside {@code [0, classCount)}, or {@code classCount} is below 2
   */
  public ClassificationReport evaluate(int[] actual, int[] predicted, int classCount) {
    return evaluate(ConfusionMatrix.of(actual, predicted, classCount));
  }

  /**
   * The metrics of the predictions counted in {@code matrix}.
   *
   * @throws IllegalArgumentException if the matrix is empty
   */
  public ClassificationReport evaluate(ConfusionMatrix matrix) {
    if (matrix.size() == 0) {
      throw new IllegalArgumentException("confusion matrix is empty");
    }
    List<ClassMetrics> perClass = new ArrayList<>(matrix.classCount());
    for (int c = 0; c < matrix.classCount(); c++) {
      perClass.add(
          ClassMetrics.of(c, matrix.actualCount(c), matrix.predictedCount(c), matrix.count(c, c)));
    }
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    int present = 0;
    for (ClassMetrics metrics : perClass) {
      if (metrics.present()) {
        precision += metrics.precision();
        recall += metrics.recall();
        f1 += metrics.f1();
        present++;
      }
    }
    return new ClassificationReport(
        matrix.size(),
        accuracyInterval.of(matrix.correct(), matrix.size()),
        perClass,
        precision / present,
        recall / present,
        f1 / present);
  }
}
