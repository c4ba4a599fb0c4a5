package io.vigil.detectors.streaming;

/** What a {@link StreamingDriftDetector} concludes after one observation. */
public enum DriftSignal {
  /** No evidence of change. */
  NONE,
  /**
   * Evidence of change below the drift level, for algorithms that define a warning zone ({@link
   * DriftDetectionMethod}); the others never report it.
   */
  WARNING,
  /** A change is detected at this observation. */
  DRIFT
}
