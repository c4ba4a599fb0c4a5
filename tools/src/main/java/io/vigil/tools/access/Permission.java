package io.vigil.tools.access;

/** Something a caller may be allowed to do; a {@link Role} is a set of these. */
public enum Permission {
  /** Send inference records and labels. */
  INGEST,
  /** Read models, traffic and the observability answers over them. */
  READ,
  /**
   * Ask which versions serve a model now ({@code GET /api/v1/models/{model}/route}): what a serving
   * system does before it sends traffic (and then its records), so every role may.
   */
  ROUTE,
  /** Record something for a person to act on (a remediation proposal); never executes it. */
  PROPOSE,
  /** Approve or reject a proposed action. */
  APPROVE,
  /**
   * Register models and versions, deploy them and set baselines: change what serving systems are
   * routed to and what drift is measured against.
   */
  MANAGE
}
