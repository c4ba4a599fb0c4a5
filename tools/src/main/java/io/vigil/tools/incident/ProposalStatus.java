package io.vigil.tools.incident;

/** Where a proposal stands. */
public enum ProposalStatus {
  /** Waiting for a person's decision. */
  PENDING_APPROVAL,
  /** Approved; execution may start while the approval is valid. */
  APPROVED,
  /** Rejected by a person. */
  REJECTED,
  /** Nobody decided before it expired. */
  EXPIRED,
  /** Replaced by a newer proposal for the same incident. */
  SUPERSEDED,
  /** Executed successfully. */
  EXECUTED,
  /** Execution failed. */
  FAILED
}
