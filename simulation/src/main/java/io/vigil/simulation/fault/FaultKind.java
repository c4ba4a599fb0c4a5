package io.vigil.simulation.fault;

/**
 * What a fault does to the world, and the root cause a diagnosis of it should name. Each kind's
 * {@link FaultSpec#magnitude()} means one thing, documented here ({@link Faults} implements them).
 *
 * <p>{@code intensity} is {@link FaultSpec#intensity}: 0 before the onset, 1 from it for a sudden
 * fault, rising linearly over a ramp. A kind that "touches" requests does so with probability
 * {@code share · intensity}, so a ramp grows the touched share linearly.
 */
public enum FaultKind {
  /**
   * The feature's population moves before labelling, so the label follows it. Numeric: a {@code
   * share} of rows (all at share 1) is moved by {@code magnitude · sd · intensity}, so the mean
   * moves by {@code magnitude} standard deviations at share 1. Categorical: touched rows take the
   * world's least frequent category; {@code magnitude} is not used.
   */
  COVARIATE_SHIFT,
  /**
   * The label rule changes, the inputs do not: the feature's weight in the label's log-odds becomes
   * {@code weight × (1 − 2 × magnitude × intensity)}, so 1 flips its sign (for a categorical
   * feature, every category's effect). Needs a feature with a weight (or an effect).
   */
  CONCEPT_DRIFT,
  /**
   * The class balance moves: {@code magnitude × intensity} is added to the label's log-odds
   * (positive favours the positive class).
   */
  PRIOR_SHIFT,
  /** Touched requests send the feature as null; any feature; {@code magnitude} is not used. */
  MISSING_VALUES,
  /**
   * Touched requests send the numeric feature multiplied by {@code magnitude} (e.g. 1000: metres as
   * mm); the truth does not change.
   */
  UNIT_CHANGE,
  /** Touched requests send the numeric feature stuck at {@code magnitude}. */
  STUCK_FEATURE,
  /**
   * Touched requests send a categorical feature a category never seen in training, {@code
   * <feature>-new-1} to {@code -new-3}; {@code magnitude} is not used.
   */
  NEW_CATEGORIES,
  /**
   * A broken version ({@link FaultSpec#breakage()}, {@link
   * io.vigil.simulation.model.Breakage#FLIP_TOP_COEFFICIENT} when none is named) is deployed at
   * onset taking {@code share} of the traffic. Sudden only; {@code magnitude} is not used.
   */
  BAD_VERSION,
  /**
   * Latency multiplied by {@code 1 + (magnitude − 1) × intensity} (magnitude >= 1); {@code share}
   * is the share that times out: touched requests fail with error {@code timeout}.
   */
  LATENCY_SPIKE,
  /**
   * Touched requests are answered, silently, with a default prediction: the negative class at
   * confidence 0.5; {@code magnitude} is not used.
   */
  SILENT_FAILURE,
  /**
   * Inside one segment value ({@link FaultSpec#segment()}) the label rule changes as {@link
   * #CONCEPT_DRIFT} does with {@code magnitude}; the other values hold. Without a feature it acts
   * on the world's numeric feature with the largest absolute weight.
   */
  SEGMENT_SHIFT
}
