package io.vigil.agent.execute;

import java.util.Objects;

/**
 * What an executor reports.
 *
 * @param outcome succeeded or failed
 * @param detail what happened, for the incident's timeline; never a secret or a full webhook URL
 */
public record ExecutionResult(ExecutionOutcome outcome, String detail) {

  public ExecutionResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    if (detail.isBlank()) {
      throw new IllegalArgumentException("an execution result says what happened");
    }
  }

  public static ExecutionResult succeeded(String detail) {
    return new ExecutionResult(ExecutionOutcome.SUCCEEDED, detail);
  }

  public static ExecutionResult failed(String detail) {
    return new ExecutionResult(ExecutionOutcome.FAILED, detail);
  }

  public boolean succeeded() {
    return outcome == ExecutionOutcome.SUCCEEDED;
  }
}
