package io.vigil.tools.incident;

/** The root-cause categories a diagnosis names (the taxonomy in ARCHITECTURE.md). */
public enum RootCause {
  /** One or more input features shifted; accuracy drops in all versions alike. */
  COVARIATE_DRIFT,
  /** The relation between inputs and labels changed while the inputs did not. */
  CONCEPT_DRIFT,
  /** Missing values, a unit change, a constant feature, new categories: the pipeline broke. */
  DATA_QUALITY,
  /** A deployment introduced a version that is worse than its predecessor on the same traffic. */
  BAD_MODEL_VERSION,
  /** Latency, timeouts, resource exhaustion or silent fallback outputs in serving. */
  INFRASTRUCTURE,
  /** The class balance moved while the inputs stayed put. */
  PRIOR_SHIFT,
  /** One slice (a region, a device) carries the degradation. */
  SEGMENT_LOCAL,
  /** Nothing beyond noise. */
  NONE
}
