package io.vigil.tools.incident;

/** Where an execution stands. */
public enum ExecutionStatus {
  /** Recorded before the executor was called; a restart finds it and resumes with the same key. */
  STARTED,
  /** The executor reported success. */
  SUCCEEDED,
  /** The executor gave up. */
  FAILED
}
