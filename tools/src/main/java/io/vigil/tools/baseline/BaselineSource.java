package io.vigil.tools.baseline;

/** Where a baseline's reference data came from. */
public enum BaselineSource {
  /** A file of the version's training (or validation) data, uploaded as CSV. */
  TRAINING_FILE,
  /** A chosen time window of the version's own traffic. */
  TRAFFIC_WINDOW
}
