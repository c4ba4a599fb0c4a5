package io.vigil.tools.incident;

/**
 * Where an incident stands in the agent's graph. The state is the graph's persisted position: after
 * a restart the agent continues every incident that is not {@link #isTerminal() terminal} from the
 * node its state names.
 */
public enum IncidentState {
  /** Opened by the monitor (or on demand); evidence not yet gathered. */
  OPEN,
  /** Evidence gathered; the reasoner has not ranked it yet. */
  INVESTIGATING,
  /** Diagnosed; the remediation step has not recorded its proposal yet. */
  DIAGNOSED,
  /** A proposal waits for an authenticated person's decision. */
  AWAITING_APPROVAL,
  /** An approved action is being executed. */
  REMEDIATING,
  /** The action ran; the signal that opened the incident is being watched. */
  VERIFYING,
  /** The signal recovered, or the diagnosis called for no action. */
  RESOLVED,
  /** A person must act: the proposal was rejected, expired, or the action did not help. */
  ESCALATED;

  /** Whether the agent has nothing more to do with an incident in this state. */
  public boolean isTerminal() {
    return this == RESOLVED || this == ESCALATED;
  }
}
