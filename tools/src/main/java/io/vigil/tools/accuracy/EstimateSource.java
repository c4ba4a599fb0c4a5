package io.vigil.tools.accuracy;

/** What the label-free accuracy estimate of a version was calibrated on. */
public enum EstimateSource {
  /** The calibration rows of the version's newest baseline that has them. */
  BASELINE_CALIBRATION,
  /** The version's latest labelled records that carry a confidence (no baseline had rows). */
  LABELLED_TRAFFIC,
  /** Every record in the window is labelled: nothing to estimate. */
  NOT_NEEDED,
  /** No estimate is possible; the note says why. */
  NONE
}
