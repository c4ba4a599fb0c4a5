package io.vigil.tools.incident;

/** The monitored signals that can open an incident. */
public enum SignalKind {
  /** Realized accuracy (from labels) below the model's target. */
  ACCURACY_SLO,
  /** The label-free accuracy estimate below the target while labels lag. */
  ESTIMATED_ACCURACY_SLO,
  /** Dataset drift against the baseline. */
  DRIFT,
  /** A feature's drift score accelerating: the early warning before the SLO breaks. */
  DRIFT_ACCELERATION,
  /**
   * A feature's distribution changed abruptly: drifted strongly in the newest windows while the
   * rest of the monitored stretch had not.
   */
  SUDDEN_DRIFT,
  /** A feature's missing share jumped in the newest windows: a pipeline dropping values. */
  MISSING_VALUES,
  /** The predictions' distribution changed abruptly in the newest windows. */
  PREDICTION_DRIFT,
  /** p95 latency far above the day before. */
  LATENCY,
  /** The share of failed requests far above the day before. */
  ERROR_RATE,
  /** A person or an MCP client asked for a diagnosis. */
  ON_DEMAND
}
