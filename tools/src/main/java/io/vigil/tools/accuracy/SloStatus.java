package io.vigil.tools.accuracy;

/** Whether a model meets its accuracy target. */
public enum SloStatus {
  /** Realized accuracy is at or above the target. */
  MET,
  /** Realized accuracy is below the target. */
  BREACHED,
  /** A target is set but no record in the window is labelled yet. */
  NO_LABELS,
  /** The model has no accuracy target. */
  NO_TARGET
}
