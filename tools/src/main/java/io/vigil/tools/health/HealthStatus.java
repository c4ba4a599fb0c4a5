package io.vigil.tools.health;

/**
 * A model's overall health, from best to worst; {@link #NO_DATA} when there is nothing to judge.
 */
public enum HealthStatus {
  /** No open signal. */
  HEALTHY,
  /** Something to look at: drift, a rising error rate or latency, or an SLO miss within noise. */
  WARNING,
  /** Act now: the accuracy SLO is significantly breached, or a large share of requests fail. */
  CRITICAL,
  /** The model has no records. */
  NO_DATA
}
