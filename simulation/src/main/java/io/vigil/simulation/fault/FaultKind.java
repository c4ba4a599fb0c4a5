package io.vigil.simulation.fault;

/**
 * What a fault does to the world, and the root cause a diagnosis of it should name. Each kind's
 * {@link FaultSpec#magnitude()} means one thing, documented here.
 */
public enum FaultKind {
  /** The feature's population mean moves by {@code magnitude} standard deviations. */
  COVARIATE_SHIFT,
  /**
   * The label rule changes, the inputs do not: the feature's weight in the label's log-odds becomes
   * {@code weight × (1 − 2 × magnitude)}, so 1 flips its sign.
   */
  CONCEPT_DRIFT,
  /** The class balance moves: {@code magnitude} is added to the label's log-odds. */
  PRIOR_SHIFT,
  /** A {@code share} of requests send the feature as null. */
  MISSING_VALUES,
  /** The pipeline sends the feature multiplied by {@code magnitude} (e.g. 1000: metres as mm). */
  UNIT_CHANGE,
  /** A {@code share} of requests send the feature stuck at {@code magnitude}. */
  STUCK_FEATURE,
  /** A {@code share} of requests send a categorical feature a category never seen in training. */
  NEW_CATEGORIES,
  /**
   * A broken version ({@link FaultSpec#breakage()}) is deployed at onset taking {@code share} of
   * the traffic.
   */
  BAD_VERSION,
  /** Latency multiplied by {@code magnitude}; a {@code share} of requests time out and fail. */
  LATENCY_SPIKE,
  /** A {@code share} of requests are answered with a default prediction, silently. */
  SILENT_FAILURE,
  /**
   * Inside one segment value ({@link FaultSpec#segment()}) the label rule changes as {@link
   * #CONCEPT_DRIFT} does with {@code magnitude}; the other values hold.
   */
  SEGMENT_SHIFT
}
