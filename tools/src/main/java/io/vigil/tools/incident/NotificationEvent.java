package io.vigil.tools.incident;

/** The moments of an incident that Vigil tells people about. */
public enum NotificationEvent {
  /** The monitor opened an incident. */
  OPENED,
  /** A proposal waits for an approver. */
  APPROVAL_NEEDED,
  /** A person must act: rejected, expired, failed or not recovered. */
  ESCALATED,
  /** The incident is resolved. */
  RESOLVED
}
