package io.vigil.tools.registry;

/** What a model predicts, which decides the shape of its predictions, labels and metrics. */
public enum ModelTask {
  /** Predicts a class (a string); accuracy, precision/recall, confidence. */
  CLASSIFICATION,
  /** Predicts a number; mean absolute and squared error. */
  REGRESSION
}
