package io.vigil.tools.incident;

/** Which question a piece of evidence answers; each maps to one query service. */
public enum EvidenceKind {
  /** Realized or estimated accuracy per version around the onset. */
  ACCURACY,
  /** One feature's drift against the baseline, with its dynamics. */
  FEATURE_DRIFT,
  /** Dataset-level or prediction drift. */
  DATASET_DRIFT,
  /** Missing-value share, scale or category set of one feature. */
  DATA_QUALITY,
  /** Two versions compared on the same window. */
  VERSION_COMPARISON,
  /** Which versions served when. */
  DEPLOYMENTS,
  /** Per-segment accuracy or drift contributions. */
  SEGMENTS,
  /** Latency percentiles and error rates. */
  LATENCY_ERRORS,
  /** Error patterns found in the inference logs. */
  LOG_PATTERNS,
  /** Class balance of predictions and labels. */
  CLASS_BALANCE
}
