package io.vigil.agent.approve;

/** Why an approval or rejection was refused. */
public enum RefusalReason {
  /** The credential does not carry the approve permission. */
  NOT_AN_APPROVER,
  /** The proposal is no longer waiting for a decision. */
  NOT_PENDING,
  /** The proposal expired before anyone decided. */
  EXPIRED,
  /** The action approved is not the action proposed (its hash differs). */
  ACTION_CHANGED,
  /** The proposer cannot approve their own proposal. */
  OWN_PROPOSAL
}
