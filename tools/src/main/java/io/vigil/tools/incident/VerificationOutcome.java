package io.vigil.tools.incident;

/** What verification concluded. */
public enum VerificationOutcome {
  /** Not enough new evidence yet; verification goes on. */
  PENDING,
  /** The signal that opened the incident is back within its target. */
  RECOVERED,
  /** Enough evidence, and the signal did not recover. */
  NOT_RECOVERED
}
