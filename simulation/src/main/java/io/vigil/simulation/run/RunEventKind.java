package io.vigil.simulation.run;

/** What happened in a run, in the order a healthy incident usually goes through them. */
public enum RunEventKind {
  /** A fault began (a bad version's release is its onset). */
  ONSET,
  /** The first window at or after the first onset in which the monitor raised any signal. */
  FIRST_WARNING,
  /** The first window at or after the first onset whose realized accuracy fell below target. */
  SLO_BREACH,
  /** The monitor opened an incident. */
  INCIDENT_OPENED,
  /** The reasoner ranked the evidence. */
  DIAGNOSED,
  /** An action was proposed for approval. */
  PROPOSED,
  /** A proposal was approved. */
  APPROVED,
  /** A proposal was rejected. */
  REJECTED,
  /** A proposal expired undecided. */
  EXPIRED,
  /** An approved action was carried out. */
  EXECUTED,
  /** An approved action failed (e.g. a retrain that was not better and deployed nothing). */
  EXECUTION_FAILED,
  /** Verification looked at the signal after an action. */
  VERIFIED,
  /** An action that did not help was reverted. */
  REVERTED,
  /** The incident was closed as resolved. */
  RESOLVED,
  /** The incident was handed to a person. */
  ESCALATED,
  /** After the first action, the first window whose realized accuracy is back at target. */
  RECOVERED
}
