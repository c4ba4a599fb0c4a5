package io.vigil.tools.incident;

/** The kinds of entry in an incident's timeline. */
public enum TimelineEventType {
  OPENED,
  EVIDENCE_GATHERED,
  DIAGNOSED,
  LLM_REPLY_REFUSED,
  /** Text in the evidence read like instructions to a language model; it was treated as data. */
  SUSPICIOUS_INPUT,
  PROPOSED,
  APPROVED,
  REJECTED,
  APPROVAL_REFUSED,
  EXPIRED,
  EXECUTION_STARTED,
  EXECUTED,
  EXECUTION_FAILED,
  VERIFICATION,
  REVERTED,
  RESOLVED,
  ESCALATED,
  NOTIFIED
}
