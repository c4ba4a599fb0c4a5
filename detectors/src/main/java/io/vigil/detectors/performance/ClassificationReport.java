package io.vigil.detectors.performance;

import java.util.List;

/**
 * The label-based metrics of a classifier over a set of predictions.
 *
 * @param size the number of predictions
 * @param accuracy the share of correct predictions with its Wilson score interval
 * @param perClass one entry per label {@code 0 .. classCount − 1}, in label order
 * @param macroPrecision the mean precision over the present classes (see {@link
 *     ClassMetrics#present()})
 * @param macroRecall the mean recall over the present classes
 * @param macroF1 the mean F1 over the present classes
 */
public record ClassificationReport(
    long size,
    ConfidenceInterval accuracy,
    List<ClassMetrics> perClass,
    double macroPrecision,
    double macroRecall,
    double macroF1) {

  /**
   * Validates and copies the report.
   *
   * @throws IllegalArgumentException if {@code size} is not positive, there are fewer than two
   *     classes, or a macro average is outside {@code [0, 1]}
   */
  public ClassificationReport {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive but is " + size);
    }
    perClass = List.copyOf(perClass);
    ClassificationInput.requireClassCount(perClass.size());
    ClassMetrics.requireUnit(macroPrecision, "macro precision");
    ClassMetrics.requireUnit(macroRecall, "macro recall");
    ClassMetrics.requireUnit(macroF1, "macro F1");
  }
}
