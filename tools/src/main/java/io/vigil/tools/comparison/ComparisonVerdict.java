package io.vigil.tools.comparison;

/** Which version performs better on its labelled traffic. */
public enum ComparisonVerdict {
  /** Version A is significantly more accurate. */
  A_BETTER,
  /** Version B is significantly more accurate. */
  B_BETTER,
  /** The accuracies differ by no more than chance explains. */
  NO_SIGNIFICANT_DIFFERENCE,
  /** No test was possible: no labels on one side, or a regression model (see the note). */
  UNTESTED
}
