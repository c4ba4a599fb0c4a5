package io.vigil.simulation.run;

/** What a run is doing. */
public enum RunStep {
  /** Training {@code v1} on rows of the healthy world. */
  TRAINING,
  /** Serving the healthy warm-up. */
  WARMUP,
  /** Storing the drift baseline from the warm-up's traffic. */
  BASELINE,
  /** Serving one window of the run proper. */
  SERVING,
  /** The agent's round after a window, with approvals and advancing. */
  AGENT,
  /** The run is over. */
  FINISHED
}
