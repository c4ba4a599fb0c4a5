package io.vigil.tools.drift;

/** The verdict of a drift query. */
public enum DriftStatus {
  /** Dataset drift: at least the policy's share of the tested features drifted. */
  DATASET_DRIFT,
  /** Some features drifted, fewer than the dataset-drift share. */
  FEATURE_DRIFT,
  /** No tested feature drifted. */
  NO_DRIFT,
  /** Nothing to compare with: neither the version nor the model has a baseline. */
  NO_BASELINE,
  /** The version has no profiled records in the window. */
  NO_DATA
}
