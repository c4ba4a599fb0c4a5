package io.vigil.simulation.retrain;

/** What a retrain decided about its candidate. */
public enum Verdict {
  /** The candidate beat the serving version by the minimum gain: it is registered and deployed. */
  PROMOTE,
  /** The candidate did not beat the serving version: nothing is registered or deployed. */
  KEEP
}
