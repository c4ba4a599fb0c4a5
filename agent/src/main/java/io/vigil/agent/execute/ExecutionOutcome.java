package io.vigil.agent.execute;

import io.vigil.tools.incident.ExecutionStatus;

/** How an executor's attempt at an action ended. */
public enum ExecutionOutcome {
  /** The action was carried out, now or under the same idempotency key before. */
  SUCCEEDED,
  /** The action was refused or the executor gave up; nothing is known to have changed. */
  FAILED;

  /** The status an execution with this outcome is recorded with. */
  public ExecutionStatus status() {
    return this == SUCCEEDED ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED;
  }
}
